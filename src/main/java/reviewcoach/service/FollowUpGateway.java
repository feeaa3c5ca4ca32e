package reviewcoach.service;

import java.util.List;
import java.util.Optional;
import reviewcoach.dialogue.Session;
import reviewcoach.summary.FollowUp;
import reviewcoach.summary.ManagerSummary;

/**
 * What the service says to Slack about action items, in the service's words. Each call succeeds or throws {@link
 * DeliveryFailure}. Thread-safe.
 */
public interface FollowUpGateway {

    /** Rewrites a session's posted summary in place (not a new post). */
    void updateSummary(Session session, PostedMessage summaryMessage, ManagerSummary summary, boolean offerToShare);

    /**
     * Tells an owner, in a direct message from the bot, about their items of a session, each with a Done button.
     *
     * @param threadLink a link to the session's thread, or null
     * @return where the message went
     */
    PostedMessage tellOwner(Session session, String owner, List<FollowUp> items, String threadLink);

    /** Rewrites an owner's message about their items in place. */
    void updateOwnerMessage(PostedMessage message, Session session, List<FollowUp> items, String threadLink);

    /**
     * Reminds an owner of an open item, in a direct message, with a Done button.
     *
     * @param overdue true when its due date has passed
     * @return where the message went
     */
    PostedMessage remind(Session session, FollowUp item, boolean overdue, String threadLink);

    /** The time zone of a person in a workspace as Slack knows it (such as {@code America/New_York}), if it does. */
    Optional<String> timeZoneOf(String workspace, String userId);
}
