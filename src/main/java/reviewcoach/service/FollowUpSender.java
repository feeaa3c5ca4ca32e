package reviewcoach.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.dialogue.Session;
import reviewcoach.summary.FollowUp;
import reviewcoach.summary.ManagerSummary;

/**
 * Sends the deliveries about action items: the summary brought up to date, an owner's direct message, a reminder.
 * Throws {@link DeliveryFailure} when Slack fails. Thread-safe.
 */
public final class FollowUpSender {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSender.class);

    private final SessionStore store;
    private final SlackGateway slack;
    private final FollowUpGateway followUps;
    private final Clock clock;

    public FollowUpSender(SessionStore store, SlackGateway slack, FollowUpGateway followUps, Clock clock) {
        this.store = store;
        this.slack = slack;
        this.followUps = followUps;
        this.clock = clock;
    }

    void send(Delivery delivery, Session session) {
        switch (delivery.kind()) {
            case SUMMARY_UPDATE -> updateSummary(session);
            case OWNER_DM -> tellOwner(session, delivery.subject());
            case OWNER_DM_UPDATE -> updateOwnerMessage(session, OwnerMessage.parse(delivery.subject()));
            case REMINDER -> remind(session, Long.parseLong(delivery.subject()));
            default -> throw new IllegalArgumentException("not a follow-up delivery: " + delivery.kind());
        }
    }

    /** The summary as posted, with the items as they are now; the courier sends it after the summary itself. */
    ManagerSummary summaryOf(Session session, String threadLink) {
        return ManagerSummary.of(session, store.contributions(session.id()), threadLink, items(session.id()));
    }

    /** Remembers where the summary went, so that it can be brought up to date in place. */
    void summaryPosted(Session session, PostedMessage message) {
        store.inTransaction(tx -> {
            tx.actionItems().summaryPosted(session.id(), message);
            return null;
        });
    }

    private void updateSummary(Session session) {
        Optional<PostedMessage> where =
                store.inTransaction(tx -> tx.actionItems().summaryOf(session.id()));
        if (where.isEmpty()) {
            log.info("session={} no posted summary to bring up to date", session.id());
            return;
        }
        followUps.updateSummary(
                session, where.get(), summaryOf(session, link(session)), DeliverySender.isPrivate(session));
    }

    private void tellOwner(Session session, String owner) {
        List<FollowUp> theirs = openItemsOf(session.id(), owner);
        if (theirs.isEmpty()) {
            return;
        }
        learnTimeZone(session.workspace(), owner, theirs);
        if (DeliverySender.isPrivate(session)) {
            return; // the starter has the summary, with its Done buttons, in the same direct message
        }
        PostedMessage posted = followUps.tellOwner(session, owner, theirs, link(session));
        store.recordPosted(session.id(), posted);
    }

    private void updateOwnerMessage(Session session, OwnerMessage message) {
        if (message == null) {
            return;
        }
        List<FollowUp> theirs = items(session.id()).stream()
                .filter(item -> message.owner().equals(item.owner()))
                .toList();
        followUps.updateOwnerMessage(message.message(), session, theirs, link(session));
    }

    private void remind(Session session, long itemId) {
        Optional<FollowUp> item = items(session.id()).stream()
                .filter(found -> found.id() == itemId)
                .findFirst();
        if (item.isEmpty() || item.get().isDone() || !item.get().hasOwner()) {
            return;
        }
        ZoneId zone =
                ReminderTimes.zone(store.inTransaction(tx -> tx.actionItems().ownerTimeZone(itemId))
                        .orElse(null));
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        PostedMessage posted = followUps.remind(session, item.get(), item.get().isOverdue(today), link(session));
        store.recordPosted(session.id(), posted);
        log.info("session={} item={} reminded", session.id(), itemId);
    }

    /** Asks Slack for the owner's time zone once, and moves their first reminders to nine in their morning. */
    private void learnTimeZone(String workspace, String owner, List<FollowUp> theirs) {
        Optional<String> zoneName;
        try {
            zoneName = followUps.timeZoneOf(workspace, owner);
        } catch (DeliveryFailure failure) {
            log.warn("no time zone for an owner ({}); reminders use UTC", failure.error());
            return;
        }
        if (zoneName.isEmpty()) {
            return;
        }
        ZoneId zone = ReminderTimes.zone(zoneName.get());
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            for (FollowUp item : theirs) {
                tx.actionItems()
                        .rememberTimeZone(item.id(), zoneName.get(), ReminderTimes.first(item.due(), zone, now));
            }
            return null;
        });
    }

    private List<FollowUp> openItemsOf(long sessionId, String owner) {
        return items(sessionId).stream()
                .filter(item -> owner.equals(item.owner()) && !item.isDone())
                .toList();
    }

    private List<FollowUp> items(long sessionId) {
        return store.inTransaction(tx -> tx.actionItems().ofSession(sessionId));
    }

    private String link(Session session) {
        try {
            return slack.linkToThread(session);
        } catch (DeliveryFailure failure) {
            if (failure.kind() != DeliveryFailure.Kind.PERMANENT) {
                throw failure;
            }
            return null;
        }
    }
}
