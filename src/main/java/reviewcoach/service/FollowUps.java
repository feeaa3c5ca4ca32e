package reviewcoach.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reviewcoach.dialogue.ActionItem;
import reviewcoach.dialogue.Session;
import reviewcoach.summary.ManagerSummary;

/** Keeps a finished session's action items, schedules their first reminders, and owes each owner a message. */
final class FollowUps {

    /** The longest description kept (action_items.description). */
    static final int LONGEST_DESCRIPTION = 4000;

    private FollowUps() {}

    /** Called in the transaction that finishes the session, after its summary was queued. */
    static void recordOnFinish(SessionTransaction tx, Session session, Instant now, ZoneId officeZone) {
        List<ActionItem> items = ManagerSummary.planItems(tx.contributions(session.id()), officeZone);
        boolean privateSession = DeliverySender.isPrivate(session);
        Set<String> owners = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ActionItem item = kept(items.get(i));
            boolean remind = item.hasOwner() && (!privateSession || item.owner().equals(session.starter()));
            Instant firstReminder = remind ? ReminderTimes.first(item.due(), ZoneOffset.UTC, now) : null;
            tx.actionItems().add(session.id(), session.workspace(), i + 1, item, now, firstReminder);
            if (remind) {
                owners.add(item.owner());
            }
        }
        for (String owner : owners) {
            tx.enqueue(session.id(), DeliveryKind.OWNER_DM, owner, now);
        }
    }

    private static ActionItem kept(ActionItem item) {
        if (item.description().length() <= LONGEST_DESCRIPTION) {
            return item;
        }
        return new ActionItem(item.description().substring(0, LONGEST_DESCRIPTION - 1) + "…", item.owner(), item.due());
    }
}
