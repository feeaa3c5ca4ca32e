package reviewcoach.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.config.Policy;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.Input;
import reviewcoach.dialogue.Outcome;
import reviewcoach.dialogue.PersonalDetails;
import reviewcoach.dialogue.ResponseGuide;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.Transition;

/**
 * The use cases of a session: start it, take what people write and press, and owe Slack the messages that follow.
 * Each change and the messages it owes commit in one transaction. Every request names the workspace it came from, and
 * acts only on that workspace's sessions: an id from another workspace is treated as unknown. Thread-safe.
 */
public final class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final SessionStore store;
    private final ThreadSessions threads;
    private final Function<String, Dialogue> dialogues;
    private final Clock clock;
    private final Runnable deliveriesWaiting;
    private final Policy policy;
    private final Managers managers;

    /**
     * @param deliveriesWaiting called after a change that owes Slack messages has committed
     * @param policy what the office keeps and who may delete sessions (user ids only; user groups count as empty)
     */
    public SessionService(
            SessionStore store, Dialogue dialogue, Clock clock, Runnable deliveriesWaiting, Policy policy) {
        this(store, workspace -> dialogue, clock, deliveriesWaiting, policy, Managers.named(policy.managers()));
    }

    /**
     * @param dialogues the coach for each workspace, which depends on the kind of office it is
     * @param managers who may delete any session, user groups included
     */
    public SessionService(
            SessionStore store,
            Function<String, Dialogue> dialogues,
            Clock clock,
            Runnable deliveriesWaiting,
            Policy policy,
            Managers managers) {
        this.managers = Objects.requireNonNull(managers, "managers");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.threads = new ThreadSessions(store, clock);
        this.dialogues = Objects.requireNonNull(dialogues, "dialogues");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deliveriesWaiting = Objects.requireNonNull(deliveriesWaiting, "deliveriesWaiting");
    }

    /**
     * Remembers a request by a key that identifies it (its Slack signature, say) and says whether this is the first time
     * it was seen, so that a request captured and sent again is not acted on twice. The key is kept as long as handled
     * events are.
     */
    public boolean firstSighting(String requestKey) {
        try {
            return store.inTransaction(tx -> {
                tx.claimEvent(requestKey, clock.instant());
                return true;
            });
        } catch (AlreadyHandled seenBefore) {
            return false;
        }
    }

    /** Records a new session and owes Slack its opening message and first prompt. */
    public Session start(StartRequest request) {
        return start(request, null).orElseThrow();
    }

    /**
     * As {@link #start(StartRequest)}, and remembers the request by {@code requestKey} (as {@link #firstSighting} does)
     * in the same transaction, so one commit does both.
     *
     * @param requestKey the request's key, or null when it has none
     * @return the session, or empty, with nothing recorded, when the key was seen before
     */
    public Optional<Session> start(StartRequest request, String requestKey) {
        Instant now = clock.instant();
        Review review = policy.redactPii() ? maskPersonalDetails(request.review()) : request.review();
        Session session;
        try {
            session = store.inTransaction(tx -> {
                if (requestKey != null) {
                    tx.claimEvent(requestKey, now);
                }
                return open(tx, request, review, now);
            });
        } catch (AlreadyHandled seenBefore) {
            return Optional.empty();
        }
        log.info("session={} started", session.id());
        deliveriesWaiting.run();
        return Optional.of(session);
    }

    private static Session open(SessionTransaction tx, StartRequest request, Review review, Instant now) {
        Session created = tx.createSession(
                request.workspace(), request.channel(), request.starter(), review, request.noticeUrl(), now);
        if (request.shareChannel() != null) {
            tx.setShareChannel(created.id(), request.shareChannel());
        }
        tx.enqueue(created.id(), DeliveryKind.OPEN_THREAD, null, now);
        tx.enqueue(created.id(), DeliveryKind.PROMPT, Step.first().name(), now);
        return created;
    }

    private static Review maskPersonalDetails(Review review) {
        return new Review(PersonalDetails.mask(review.text()), review.source(), review.rating());
    }

    public Optional<Session> find(long sessionId) {
        return store.find(sessionId);
    }

    /** A reply in a thread: a contribution or a typed move when the thread is a session's, else nothing. */
    public Optional<Outcome> onReply(ThreadMessage message) {
        Objects.requireNonNull(message.author(), "author");
        Objects.requireNonNull(message.text(), "text");
        // Asked before the transaction: a manager named by user group may take a call to Slack to confirm, and no
        // Slack call belongs inside a transaction (on H2 it would hold up every commit grouped with it).
        boolean authorManages = managers.isManager(message.workspace(), message.author());
        return inSession(message, (knownStep, dialogue) -> {
            // Read before the transaction too: the coaching rules are the slowest part of a contribution, and inside
            // the transaction they would hold the session's lock (on a group commit, every caller's commit) meanwhile.
            Input early = dialogue.interpret(knownStep, message.author(), message.text(), message.messageId());
            return (tx, session) -> {
                Input input = session.step() == knownStep
                        ? early
                        : dialogue.interpret(session.step(), message.author(), message.text(), message.messageId());
                if (finishesWithoutLeave(session, input, message.author(), authorManages)) {
                    tx.enqueue(session.id(), DeliveryKind.FINISH_REFUSED, message.author(), clock.instant());
                    return new Outcome.Unchanged(Outcome.Reason.NOT_STARTER);
                }
                return apply(tx, session, input, dialogue);
            };
        });
    }

    /** A reply was edited: the contribution takes the new words and is looked at again. */
    public Optional<Outcome> onEdit(ThreadMessage message) {
        Objects.requireNonNull(message.text(), "text");
        return inSession(
                message,
                (knownStep, dialogue) -> (tx, session) -> tx.findContribution(session.id(), message.messageId())
                        .map(original -> apply(tx, session, new Input.Revise(original, message.text()), dialogue))
                        .orElse(null));
    }

    /** A reply was deleted: its contribution goes too. */
    public Optional<Outcome> onDelete(ThreadMessage message) {
        return inSession(
                message,
                (knownStep, dialogue) -> (tx, session) -> tx.findContribution(session.id(), message.messageId())
                        .map(original -> apply(tx, session, new Input.Withdraw(original), dialogue))
                        .orElse(null));
    }

    /**
     * A button was pressed: a move (Next, Back, Finish, which know the step they belong to), a picked thought or a
     * rating.
     *
     * @param workspace and channel: where the button was pressed; a button acts only on a session there
     * @return what happened, or empty when no session of that id lives in that conversation
     */
    public Optional<Transition> onButton(String workspace, long sessionId, String channel, Input input) {
        Dialogue dialogue = dialogues.apply(workspace);
        String actor = actorOf(input);
        boolean actorManages = actor != null && managers.isManager(workspace, actor); // before: it may ask Slack
        AtomicBoolean owesWaiting = new AtomicBoolean();
        Optional<Transition> transition = store.inSessionTransaction(sessionId, tx -> tx.lock(sessionId)
                .filter(session -> session.workspace().equals(workspace)
                        && session.channel().equals(channel))
                .map(session -> {
                    if (finishesWithoutLeave(session, input, actor, actorManages)) {
                        return new Transition(session, new Outcome.Unchanged(Outcome.Reason.NOT_STARTER));
                    }
                    Transition result =
                            dialogue.apply(session, linesFor(tx, session, input, dialogue), input, clock.instant());
                    record(tx, session, result);
                    owesWaiting.set(tx.owesWaitingDeliveries());
                    return result;
                }));
        transition.ifPresent(result -> logAndWake(sessionId, result.outcome(), owesWaiting.get()));
        return transition;
    }

    /**
     * The team said who the reviewer is, on the plan's prompt: the coach shows the paths that fit. Only while the
     * session is on the plan step, and only from the session's own conversation.
     *
     * @return false when nothing was owed (no such session here, or it has moved on)
     */
    public boolean onReviewerDescribed(
            String workspace, long sessionId, String channel, ResponseGuide.Reviewer reviewer) {
        boolean owed = store.inSessionTransaction(sessionId, tx -> tx.lock(sessionId)
                .filter(session -> session.workspace().equals(workspace)
                        && session.channel().equals(channel))
                .filter(session -> !session.isFinished() && session.step() == Step.RESPONSE_PLAN)
                .map(session -> {
                    tx.enqueue(sessionId, DeliveryKind.PLAN_PATHS, reviewer.name(), clock.instant());
                    return true;
                })
                .orElse(false));
        if (owed) {
            deliveriesWaiting.run();
        }
        return owed;
    }

    /** Whether a private session's summary went to the team. */
    public enum Sharing {
        SHARED,
        NOT_ALLOWED,
        NOT_FINISHED,
        NOT_FOUND
    }

    /** Its starter chose to share a finished private session's summary with the team. */
    public Sharing share(String workspace, long sessionId, String actor) {
        Sharing result = store.inSessionTransaction(sessionId, tx -> {
            Optional<Session> session =
                    tx.lock(sessionId).filter(found -> found.workspace().equals(workspace));
            if (session.isEmpty()) {
                return Sharing.NOT_FOUND;
            }
            if (!session.get().starter().equals(actor) || !DeliverySender.isPrivate(session.get())) {
                return Sharing.NOT_ALLOWED;
            }
            if (!session.get().isFinished()) {
                return Sharing.NOT_FINISHED;
            }
            tx.enqueue(sessionId, DeliveryKind.SHARED_SUMMARY, null, clock.instant());
            return Sharing.SHARED;
        });
        log.info("session={} share={}", sessionId, result);
        if (result == Sharing.SHARED) {
            deliveriesWaiting.run();
        }
        return result;
    }

    /** The sessions in a channel that this person may delete: their own, or any for a manager; newest first. */
    public List<Session> deletableIn(String workspace, String channel, String actor, int limit) {
        boolean actorManages = managers.isManager(workspace, actor);
        return store.recentInChannel(workspace, channel, limit).stream()
                .filter(session -> actorManages || session.starter().equals(actor))
                .toList();
    }

    /**
     * Deletes a session and everything kept for it, if the person may: its starter, or a manager. The bot's messages
     * are returned for the caller to remove from Slack.
     */
    public Deletion delete(String workspace, long sessionId, String actor) {
        boolean actorManages = managers.isManager(workspace, actor); // before the transaction: it may ask Slack
        AtomicReference<Session> deleted = new AtomicReference<>();
        Deletion deletion = store.inSessionTransaction(sessionId, tx -> {
            Optional<Session> session =
                    tx.lock(sessionId).filter(found -> found.workspace().equals(workspace));
            if (session.isEmpty()) {
                return Deletion.refused(Deletion.Result.NOT_FOUND);
            }
            if (!actorManages && !session.get().starter().equals(actor)) {
                return Deletion.refused(Deletion.Result.NOT_ALLOWED);
            }
            List<PostedMessage> posted = tx.postedMessages(sessionId);
            tx.deleteSession(sessionId);
            deleted.set(session.get());
            return new Deletion(Deletion.Result.DELETED, posted);
        });
        Optional.ofNullable(deleted.get()).ifPresent(threads::deleted);
        log.info("session={} delete={}", sessionId, deletion.result());
        return deletion;
    }

    /**
     * Whether this input would end an open session (Finish, or Next on its last step) for someone who may not: only its
     * starter and managers may finish a session.
     */
    private static boolean finishesWithoutLeave(Session session, Input input, String actor, boolean actorManages) {
        boolean finishes = input instanceof Input.Finish
                || (input instanceof Input.Advance && session.step().next().isEmpty());
        return finishes
                && !session.isFinished()
                && !actorManages
                && !session.starter().equals(actor);
    }

    /** Who pressed or typed a move, or null for inputs that are not moves. */
    private static String actorOf(Input input) {
        if (input instanceof Input.Advance advance) {
            return advance.actor();
        }
        return input instanceof Input.Finish finish ? finish.actor() : null;
    }

    /** What a thread message does to its session, locked in the transaction; null when it does nothing. */
    private interface SessionWork {
        Outcome apply(SessionTransaction tx, Session session);
    }

    /** Works out, before the transaction, what can be from the step the session was last seen at. */
    private interface Preparation {
        SessionWork prepare(Step knownStep, Dialogue dialogue);
    }

    private Optional<Outcome> inSession(ThreadMessage message, Preparation preparation) {
        Optional<ThreadSessions.Seen> known = threads.find(message.channel(), message.thread())
                .or(() -> movedToItsDirectMessage(message))
                .filter(session -> session.workspace().equals(message.workspace()));
        if (known.isEmpty()) {
            return Optional.empty();
        }
        long sessionId = known.get().id();
        Dialogue dialogue = dialogues.apply(message.workspace()); // before the transaction: it may read settings
        SessionWork work = preparation.prepare(known.get().step(), dialogue);
        AtomicReference<Optional<Session>> locked = new AtomicReference<>();
        AtomicBoolean owesWaiting = new AtomicBoolean();
        try {
            Instant now = clock.instant();
            Optional<Outcome> outcome = store.inEventTransaction(message.eventKey(), now, sessionId, tx -> {
                Optional<Session> session = tx.claimEventAndLock(message.eventKey(), now, sessionId);
                locked.set(session);
                Optional<Outcome> result = session.map(found -> work.apply(tx, found));
                owesWaiting.set(tx.owesWaitingDeliveries());
                return result;
            });
            threads.lockedAs(message.channel(), message.thread(), known.get(), locked.get());
            outcome.ifPresent(result -> logAndWake(sessionId, result, owesWaiting.get()));
            return outcome;
        } catch (AlreadyHandled duplicate) {
            log.info("session={} event={} already handled", sessionId, message.eventKey());
            return Optional.empty();
        }
    }

    /**
     * A private session opened before 3b4f3b5 kept its starter's user id as its channel, though Slack opened its thread
     * in a direct message (a {@code D} channel), where its lines arrive: the starter's first line there moves it into
     * that conversation for good. Only a line in a direct message that is no session's pays for the look-up.
     */
    private Optional<ThreadSessions.Seen> movedToItsDirectMessage(ThreadMessage message) {
        if (!message.channel().startsWith("D") || message.author() == null) {
            return Optional.empty();
        }
        Optional<Session> addressed = store.findByThread(message.author(), message.thread())
                .filter(session -> session.channel().equals(session.starter())
                        && session.workspace().equals(message.workspace()));
        if (addressed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Session> moved = store.inSessionTransaction(
                addressed.get().id(), tx -> tx.lock(addressed.get().id())
                        .filter(session -> session.channel().equals(message.author()))
                        .map(session -> {
                            Session inItsDirectMessage = session.movedTo(message.channel());
                            tx.save(inItsDirectMessage);
                            return inItsDirectMessage;
                        }));
        moved.ifPresent(session -> log.info("session={} moved into the direct message its thread is in", session.id()));
        return moved.map(ThreadSessions.Seen::of);
    }

    /** The lines the dialogue needs for this input, read in the same transaction (never a second connection). */
    private static List<Contribution> linesFor(SessionTransaction tx, Session session, Input input, Dialogue dialogue) {
        return dialogue.needsLines(input) ? tx.contributions(session.id()) : List.of();
    }

    private Outcome apply(SessionTransaction tx, Session session, Input input, Dialogue dialogue) {
        Transition transition = dialogue.apply(session, linesFor(tx, session, input, dialogue), input, clock.instant());
        record(tx, session, transition);
        return transition.outcome();
    }

    private void record(SessionTransaction tx, Session before, Transition transition) {
        Session after = transition.session();
        long id = after.id();
        Instant now = clock.instant();
        if (!after.equals(before)) {
            tx.save(after);
        }
        Outcome outcome = transition.outcome();
        if (outcome instanceof Outcome.Recorded recorded) {
            tx.addContribution(id, recorded.contribution(), verdictDelivery(recorded.contribution()), now);
        } else if (outcome instanceof Outcome.Cared cared) {
            tx.addContribution(id, cared.contribution(), DeliveryKind.CARE, now);
        } else if (outcome instanceof Outcome.Moved moved) {
            owePrompt(tx, id, moved.to(), now);
        } else if (outcome instanceof Outcome.Finished) {
            tx.enqueue(id, DeliveryKind.REFRESH_ROOT, null, now);
            tx.enqueue(id, DeliveryKind.SUMMARY, null, now);
            tx.enqueue(id, DeliveryKind.CLOSING_NOTE, null, now);
            FollowUps.recordOnFinish(tx, after, now, policy.zone());
        } else if (outcome instanceof Outcome.PickNeeded) {
            tx.enqueue(id, DeliveryKind.PICK_PROMPT, null, now);
        } else if (outcome instanceof Outcome.Picked picked) {
            picked.movedTo()
                    .ifPresentOrElse(
                            step -> owePrompt(tx, id, step, now),
                            () -> tx.enqueue(id, DeliveryKind.REFRESH_ROOT, null, now));
        } else if (outcome instanceof Outcome.RatingNeeded needed) {
            tx.enqueue(id, DeliveryKind.RATING_PROMPT, needed.newThought().messageId(), now);
        } else if (outcome instanceof Outcome.Rated rated) {
            rated.movedTo()
                    .ifPresentOrElse(
                            step -> owePrompt(tx, id, step, now),
                            () -> tx.enqueue(id, DeliveryKind.STEPPING_STONES, String.valueOf(rated.rating()), now));
        } else if (outcome instanceof Outcome.Revised revised) {
            tx.replaceContribution(id, revised.after());
            if (revised.verdictChanged()) {
                tx.enqueue(id, verdictDelivery(revised.after()), revised.after().messageId(), now);
            }
        } else if (outcome instanceof Outcome.Withdrawn withdrawn) {
            tx.removeContribution(id, withdrawn.removed().messageId());
        }
    }

    private static void owePrompt(SessionTransaction tx, long sessionId, Step step, Instant now) {
        tx.enqueue(sessionId, DeliveryKind.PROMPT, step.name(), now);
        tx.enqueue(sessionId, DeliveryKind.REFRESH_ROOT, null, now);
    }

    private static DeliveryKind verdictDelivery(Contribution contribution) {
        return contribution.isQuestioned() ? DeliveryKind.QUESTION : DeliveryKind.ACKNOWLEDGE;
    }

    /**
     * Logs an outcome, and wakes the courier when its transaction left deliveries waiting in the outbox (not for a
     * reaction alone: the store hands that to the courier itself, see {@link SessionTransaction#owesWaitingDeliveries}).
     */
    private void logAndWake(long sessionId, Outcome outcome, boolean owesWaiting) {
        if (isProgress(outcome)) {
            log.info("session={} outcome={}", sessionId, outcome.getClass().getSimpleName());
        } else if (log.isDebugEnabled()) {
            log.debug("session={} outcome={}", sessionId, outcome.getClass().getSimpleName());
        }
        if (owesWaiting) {
            deliveriesWaiting.run();
        }
    }

    /**
     * Whether the outcome moves the session along (a step, the finish, a picked thought, a rating): logged at INFO, a
     * few lines a session. A line for every contribution, edit or deletion, which a busy office writes by the hundred,
     * is DEBUG: at INFO it was a write to standard output on the request's thread for each message.
     */
    static boolean isProgress(Outcome outcome) {
        return outcome instanceof Outcome.Moved
                || outcome instanceof Outcome.Finished
                || outcome instanceof Outcome.Picked
                || outcome instanceof Outcome.Rated;
    }
}
