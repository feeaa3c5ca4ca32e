package reviewcoach.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.dialogue.Session;
import reviewcoach.summary.FollowUp;

/**
 * The use cases of action items: mark one done, or give it to someone else. Each change
 * and the messages it owes (the summary brought up to date in place, the owner told) commit in one transaction. A
 * press acts only on an item of the workspace it came from. Thread-safe.
 */
public final class ActionItemService {

    private static final Logger log = LoggerFactory.getLogger(ActionItemService.class);
    /** The longest outbox subject (outbox.subject). */
    private static final int SUBJECT_LIMIT = 64;

    private final SessionStore store;
    private final Managers managers;
    private final Clock clock;
    private final Runnable deliveriesWaiting;

    public ActionItemService(SessionStore store, Managers managers, Clock clock, Runnable deliveriesWaiting) {
        this.store = Objects.requireNonNull(store, "store");
        this.managers = Objects.requireNonNull(managers, "managers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deliveriesWaiting = Objects.requireNonNull(deliveriesWaiting, "deliveriesWaiting");
    }

    /** What became of a press on an item. */
    public enum Result {
        CHANGED,
        ALREADY_DONE,
        NOT_ALLOWED,
        PRIVATE,
        NOT_FOUND
    }

    /**
     * Marks an item done, once: a second press, or Slack sending the same press again, changes nothing.
     *
     * @param pressedOn the message the Done button was on, or null (the App Home): when it is a direct message other
     *     than the summary (the owner's list, a reminder), it is brought up to date too
     */
    public Result markDone(String workspace, long itemId, String actor, PostedMessage pressedOn) {
        Optional<Result> refused = refusal(workspace, itemId, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant now = clock.instant();
        Result result = store.inTransaction(tx -> {
            Optional<FollowUp> item = tx.actionItems().lock(itemId);
            if (item.isEmpty()) {
                return Result.NOT_FOUND;
            }
            if (!tx.actionItems().markDone(itemId, actor, now)) {
                return Result.ALREADY_DONE;
            }
            long sessionId = item.get().sessionId();
            tx.enqueue(sessionId, DeliveryKind.SUMMARY_UPDATE, null, now);
            boolean onSummary = pressedOn != null
                    && tx.actionItems()
                            .summaryOf(sessionId)
                            .filter(pressedOn::equals)
                            .isPresent();
            String ownerMessage = item.get().hasOwner() && pressedOn != null
                    ? OwnerMessage.subject(item.get().owner(), pressedOn)
                    : null;
            boolean inDirectMessage = pressedOn != null
                    && (pressedOn.channel().startsWith("D")
                            || pressedOn.channel().equals(item.get().owner()));
            if (inDirectMessage && !onSummary && ownerMessage != null && ownerMessage.length() <= SUBJECT_LIMIT) {
                tx.enqueue(sessionId, DeliveryKind.OWNER_DM_UPDATE, ownerMessage, now);
            }
            return Result.CHANGED;
        });
        log.info("item={} done={}", itemId, result);
        wakeIf(result);
        return result;
    }

    /** Gives an open item to someone else, who is told in a direct message; a private session's items stay its own. */
    public Result reassign(String workspace, long itemId, String actor, String newOwner) {
        Optional<Result> refused = refusal(workspace, itemId, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant now = clock.instant();
        Result result = store.inTransaction(tx -> {
            Optional<FollowUp> item = tx.actionItems().lock(itemId);
            if (item.isEmpty()) {
                return Result.NOT_FOUND;
            }
            if (item.get().isDone()) {
                return Result.ALREADY_DONE;
            }
            Optional<Session> session = tx.lock(item.get().sessionId());
            if (session.isEmpty()) {
                return Result.NOT_FOUND;
            }
            if (DeliverySender.isPrivate(session.get())
                    && !newOwner.equals(session.get().starter())) {
                return Result.PRIVATE;
            }
            if (newOwner.equals(item.get().owner())) {
                return Result.CHANGED;
            }
            tx.actionItems()
                    .reassign(itemId, newOwner, ReminderTimes.first(item.get().due(), ZoneOffset.UTC, now));
            tx.enqueue(item.get().sessionId(), DeliveryKind.SUMMARY_UPDATE, null, now);
            tx.enqueue(item.get().sessionId(), DeliveryKind.OWNER_DM, newOwner, now);
            return Result.CHANGED;
        });
        log.info("item={} reassign={}", itemId, result);
        wakeIf(result);
        return result;
    }

    /**
     * Whether this person may change the item: its owner, the session's starter, or a manager, all of the item's own
     * workspace. Asked before the transaction, because asking Slack about a user group must not hold a database lock.
     */
    private Optional<Result> refusal(String workspace, long itemId, String actor) {
        Optional<Access> access =
                store.inTransaction(tx -> tx.actionItems().lock(itemId).flatMap(item -> tx.lock(item.sessionId())
                        .filter(session -> session.workspace().equals(workspace))
                        .map(session -> new Access(item, session))));
        if (access.isEmpty()) {
            return Optional.of(Result.NOT_FOUND);
        }
        FollowUp item = access.get().item();
        boolean allowed = actor.equals(item.owner())
                || actor.equals(access.get().session().starter())
                || managers.isManager(workspace, actor);
        return allowed ? Optional.empty() : Optional.of(Result.NOT_ALLOWED);
    }

    private record Access(FollowUp item, Session session) {}

    private void wakeIf(Result result) {
        if (result == Result.CHANGED) {
            deliveriesWaiting.run();
        }
    }
}
