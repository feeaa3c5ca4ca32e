package reviewcoach.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import reviewcoach.dialogue.ActionItem;
import reviewcoach.summary.FollowUp;

/**
 * The changes the service makes to action items and to where a summary was posted, within the transaction of the
 * {@link SessionTransaction} that handed it out. Not thread-safe.
 */
public interface ActionItemTransaction {

    /**
     * Keeps an action item of a finished session.
     *
     * @param nextReminderAt when its owner is first reminded, or null for no reminder
     */
    void add(long sessionId, String workspace, int position, ActionItem item, Instant now, Instant nextReminderAt);

    /** The session's action items in order. */
    List<FollowUp> ofSession(long sessionId);

    /** Finds an action item and locks it until the transaction ends. */
    Optional<FollowUp> lock(long itemId);

    /**
     * Marks an open item done and stops its reminders.
     *
     * @return false when it was done already
     */
    boolean markDone(long itemId, String actor, Instant now);

    /** Gives an open item to a new owner, whose time zone is not known yet, with a new first reminder (or none). */
    void reassign(long itemId, String owner, Instant nextReminderAt);

    /** Open items whose reminder is due by {@code now}, earliest first. */
    List<DueReminder> dueReminders(Instant now, int limit);

    /**
     * Claims a due reminder by moving its time forward, if it is still {@code expected} and the item still open: only
     * one claimer succeeds, however many instances try.
     */
    boolean claimReminder(long itemId, Instant expected, Instant next, Instant now);

    /** The owner's time zone as Slack gave it (null: unknown). */
    Optional<String> ownerTimeZone(long itemId);

    /**
     * Remembers an item's owner's time zone and moves its first reminder to that zone's morning, unless a reminder was
     * already sent.
     */
    void rememberTimeZone(long itemId, String zone, Instant firstReminderAt);

    /** Remembers where a session's summary was posted, so that it can be brought up to date in place. */
    void summaryPosted(long sessionId, PostedMessage message);

    /** Where a session's summary was posted, if it was. */
    Optional<PostedMessage> summaryOf(long sessionId);

    /**
     * A reminder that is due.
     *
     * @param itemId the item
     * @param sessionId its session
     * @param at when it was due
     * @param zone the owner's time zone, or null when unknown
     */
    record DueReminder(long itemId, long sessionId, Instant at, String zone) {}
}
