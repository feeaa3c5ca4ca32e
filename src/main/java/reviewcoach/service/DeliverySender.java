package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.dialogue.Choices;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.ResponseGuide;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.SessionStatus;
import reviewcoach.dialogue.Step;
import reviewcoach.summary.ManagerSummary;

/**
 * Sends one delivery from the outbox, rendering it from the session as it is now. Throws {@link DeliveryFailure} when
 * Slack fails. Thread-safe.
 */
public final class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final SessionStore store;
    private final SlackGateway slack;
    private final Offices offices;
    private final ChannelPacer pacer;
    private final Clock clock;
    private final DigestPoster digests;
    private final FollowUpSender followUps;

    /**
     * A sender without digests or action items' messages (the terminal rehearsal): those deliveries are dropped.
     *
     * @param offices each workspace's settings, which say where its summaries go (or each session's own channel)
     * @param pacer keeps new messages per channel within Slack's pace
     */
    public DeliverySender(SessionStore store, SlackGateway slack, Offices offices, ChannelPacer pacer, Clock clock) {
        this(store, slack, offices, pacer, clock, null, null);
    }

    /**
     * @param digests sends digests, which belong to no session, or null for none
     * @param followUps sends what is owed about action items (done, reassigned, reminders), or null for none
     */
    public DeliverySender(
            SessionStore store,
            SlackGateway slack,
            Offices offices,
            ChannelPacer pacer,
            Clock clock,
            DigestPoster digests,
            FollowUpSender followUps) {
        this.digests = digests;
        this.followUps = followUps;
        this.store = store;
        this.slack = slack;
        this.offices = offices;
        this.pacer = pacer;
        this.clock = clock;
    }

    public void send(Delivery delivery) {
        if (delivery.kind() == DeliveryKind.DIGEST) {
            if (digests != null) {
                digests.send(delivery);
            }
            return;
        }
        if (delivery.kind() == DeliveryKind.ACKNOWLEDGE) {
            // The commonest delivery by far (one a line), and the only one that needs the line with its session: one
            // read for both. A line since questioned (edited) or deleted gets no reaction.
            store.line(delivery.sessionId(), delivery.subject())
                    .filter(found -> !found.line().isQuestioned())
                    .ifPresent(found -> slack.acknowledge(found.session(), found.line()));
            return;
        }
        Optional<Session> found = store.find(delivery.sessionId());
        if (found.isEmpty()) {
            return;
        }
        Session session = found.get();
        awaitTurn(delivery, session);
        switch (delivery.kind()) {
            case OPEN_THREAD -> openThread(session);
            case PROMPT -> postPrompt(session, Step.valueOf(delivery.subject()));
            case PICK_PROMPT ->
                remember(
                        session,
                        session.channel(),
                        slack.askToPick(session, Choices.thoughts(store.contributions(session.id()))));
            case RATING_PROMPT ->
                contribution(session, delivery.subject())
                        .ifPresent(thought -> remember(session, session.channel(), slack.askRating(session, thought)));
            case PLAN_PATHS ->
                remember(
                        session,
                        session.channel(),
                        slack.postPlanPaths(session, ResponseGuide.Reviewer.valueOf(delivery.subject())));
            case CARE ->
                contribution(session, delivery.subject())
                        .ifPresent(line -> remember(session, session.channel(), slack.offerCare(session, line)));
            case STEPPING_STONES ->
                remember(
                        session,
                        session.channel(),
                        slack.offerSteppingStones(session, Integer.parseInt(delivery.subject())));
            case ACKNOWLEDGE -> {} // sent above, with its line
            case QUESTION ->
                contribution(session, delivery.subject())
                        .filter(Contribution::isQuestioned)
                        .ifPresent(contribution ->
                                remember(session, session.channel(), slack.question(session, contribution)));
            case REFRESH_ROOT -> slack.refreshRoot(session, store.contributions(session.id()));
            case SUMMARY -> postSummary(session);
            case SHARED_SUMMARY -> shareSummary(session);
            case DIGEST -> {} // sent above: a digest belongs to no session
            case CLOSING_NOTE ->
                remember(
                        session,
                        session.channel(),
                        slack.postClosingNote(session, summaryChannelFor(session), isPrivate(session)));
            case FINISH_REFUSED -> slack.refuseFinish(session, delivery.subject());
            case SUMMARY_UPDATE, OWNER_DM, OWNER_DM_UPDATE, REMINDER -> {
                if (followUps != null) {
                    followUps.send(delivery, session);
                }
            }
        }
    }

    /**
     * New messages go only when it is their channel's turn, and otherwise are put back ({@link NotYourTurn}) rather than
     * waited for, so that no worker sleeps; reactions and updates do not count against the pace.
     */
    private void awaitTurn(Delivery delivery, Session session) {
        String channel =
                switch (delivery.kind()) {
                    case OPEN_THREAD,
                            PROMPT,
                            QUESTION,
                            CARE,
                            CLOSING_NOTE,
                            PICK_PROMPT,
                            RATING_PROMPT,
                            STEPPING_STONES,
                            PLAN_PATHS -> session.channel();
                    case SUMMARY -> summaryChannelFor(session);
                    case SHARED_SUMMARY -> shareChannelFor(session).orElse(null);
                    case OWNER_DM -> delivery.subject();
                    case ACKNOWLEDGE, REFRESH_ROOT, DIGEST, FINISH_REFUSED, SUMMARY_UPDATE, OWNER_DM_UPDATE, REMINDER ->
                        null;
                };
        if (channel == null) {
            return;
        }
        Duration wait = pacer.turn(channel, delivery.id(), clock.instant());
        if (!wait.isZero()) {
            throw new NotYourTurn(wait);
        }
    }

    private void postPrompt(Session session, Step step) {
        Optional<Contribution> focus = Optional.empty();
        if (step == Step.FEELING && session.chosenThought() != null) {
            focus = contribution(session, session.chosenThought());
        }
        remember(session, session.channel(), slack.postPrompt(session, step, focus));
    }

    private void openThread(Session session) {
        if (session.status() != SessionStatus.OPENING) {
            return;
        }
        PostedMessage opening;
        try {
            opening = slack.openThread(session);
        } catch (DeliveryFailure failure) {
            if (failure.isChannelUnreachable()) {
                giveUpOpening(session, failure);
                return;
            }
            throw failure;
        }
        // The thread and the message that starts it, in one commit: a session is never open in a message that deleting
        // it would leave behind in Slack.
        store.inSessionTransaction(session.id(), tx -> {
            tx.lock(session.id()).ifPresent(locked -> {
                tx.save(locked.openedIn(opening.channel(), opening.messageId()));
                tx.recordPosted(session.id(), opening);
            });
            return null;
        });
    }

    /** Nothing is half-created: the session goes, and its starter learns how to let the bot in. */
    private void giveUpOpening(Session session, DeliveryFailure failure) {
        Optional<String> noticeUrl = store.noticeUrl(session.id());
        store.inSessionTransaction(session.id(), tx -> {
            tx.deleteSession(session.id());
            return null;
        });
        log.warn("session={} could not open: {}; session removed", session.id(), failure.error());
        noticeUrl.ifPresent(url -> {
            try {
                slack.tellStarterCannotOpen(url, session.channel(), failure.error());
            } catch (DeliveryFailure noticeFailed) {
                log.error("session={} could not tell its starter why: {}", session.id(), noticeFailed.error());
            }
        });
    }

    private void postSummary(Session session) {
        String link;
        try {
            link = slack.linkToThread(session);
        } catch (DeliveryFailure failure) {
            if (failure.kind() != DeliveryFailure.Kind.PERMANENT) {
                throw failure;
            }
            log.warn("session={} no link to the thread: {}", session.id(), failure.error());
            link = null;
        }
        List<Contribution> contributions = store.contributions(session.id());
        String channel = summaryChannelFor(session);
        ManagerSummary summary = followUps == null
                ? ManagerSummary.of(session, contributions, link)
                : followUps.summaryOf(session, link);
        try {
            String posted = slack.postSummary(session, channel, summary, isPrivate(session));
            remember(session, channel, posted);
            if (followUps != null && posted != null) {
                followUps.summaryPosted(session, new PostedMessage(channel, posted));
            }
        } catch (DeliveryFailure failure) {
            if (failure.isChannelUnreachable() && !channel.equals(session.channel())) {
                tellThread(session, channel, failure);
            }
            throw failure;
        }
    }

    /** The team learns that its summary did not reach the managers, rather than nobody knowing. */
    private void tellThread(Session session, String channel, DeliveryFailure failure) {
        try {
            slack.tellThreadSummaryFailed(session, channel, failure.error());
        } catch (DeliveryFailure noticeFailed) {
            log.error("session={} could not say the summary failed: {}", session.id(), noticeFailed.error());
        }
    }

    /** A private session's summary, shared with the team because its starter chose to. */
    private void shareSummary(Session session) {
        Optional<String> channel = shareChannelFor(session);
        if (channel.isEmpty()) {
            return;
        }
        ManagerSummary summary = followUps == null
                ? ManagerSummary.of(session, store.contributions(session.id()), null)
                : followUps.summaryOf(session, null);
        remember(session, channel.get(), slack.postSummary(session, channel.get(), summary, false));
    }

    private Optional<String> shareChannelFor(Session session) {
        String summaryChannel = offices.of(session.workspace()).summaryChannel();
        return summaryChannel != null ? Optional.of(summaryChannel) : store.shareChannel(session.id());
    }

    /** A private session runs in a direct message with its starter: its own channel, until Slack names the DM. */
    static boolean isPrivate(Session session) {
        return session.channel().startsWith("D") || session.channel().equals(session.starter());
    }

    /** Keeps the id of a posted message so that deleting the session can remove it. */
    private void remember(Session session, String channel, String messageId) {
        if (messageId != null) {
            store.recordPosted(session.id(), new PostedMessage(channel, messageId));
        }
    }

    private String summaryChannelFor(Session session) {
        if (isPrivate(session)) {
            return session.channel();
        }
        String summaryChannel = offices.of(session.workspace()).summaryChannel();
        return summaryChannel != null ? summaryChannel : session.channel();
    }

    private Optional<Contribution> contribution(Session session, String messageId) {
        return store.contribution(session.id(), messageId);
    }
}
