package reviewcoach.service;

import java.util.List;
import java.util.Optional;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.ResponseGuide;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.summary.ManagerSummary;

/**
 * Everything the service says to Slack, in the service's words. Each call either succeeds or throws
 * {@link DeliveryFailure} saying whether trying again can help. Thread-safe.
 */
public interface SlackGateway {

    /**
     * Posts the review and the opening words in the session's conversation (for a private session: a direct message
     * to its starter); returns where the message went and its id, which becomes the thread.
     */
    PostedMessage openThread(Session session);

    /**
     * Posts a step's prompt in the thread; returns the message id.
     *
     * @param focus a line the step is about (the thought that stings most, for the feeling), or empty
     */
    String postPrompt(Session session, Step step, Optional<Contribution> focus);

    /** Lists the thoughts, numbered, and asks the team to pick the one that stings most; returns the message id. */
    String askToPick(Session session, List<Contribution> thoughts);

    /** Asks how believable the new thought is, 1 to 10; returns the message id. */
    String askRating(Session session, Contribution newThought);

    /** Shows the response paths that fit who the reviewer is, with drafts; returns the message id. */
    String postPlanPaths(Session session, ResponseGuide.Reviewer reviewer);

    /** Offers smaller, more believable thoughts after a low rating; returns the message id. */
    String offerSteppingStones(Session session, int rating);

    /** Marks an accepted line with a reaction. */
    void acknowledge(Session session, Contribution contribution);

    /** Answers, in the thread, a line that shows real distress, with care and real help; returns the message id. */
    String offerCare(Session session, Contribution contribution);

    /** Replies in the thread to a questioned line; returns the message id. */
    String question(Session session, Contribution contribution);

    /** Rewrites the opening message to show the step the team is on and the model so far. */
    void refreshRoot(Session session, List<Contribution> contributions);

    /** A link to the session's thread. */
    String linkToThread(Session session);

    /**
     * Posts a session's manager summary; returns the message id.
     *
     * @param channel where it goes: the summary channel, the session's own, or the one it is shared to
     * @param offerToShare true for a private session's summary in its direct message: it carries a Share button
     */
    String postSummary(Session session, String channel, ManagerSummary summary, boolean offerToShare);

    /** Says in the thread that the session is finished and where its summary went; returns the message id. */
    String postClosingNote(Session session, String summaryChannel, boolean privateSession);

    /** Removes a message the bot posted in a workspace; a message that is already gone counts as removed. */
    void deleteMessage(String workspace, PostedMessage message);

    /** Says in the session's thread that its summary could not be posted to a channel, and how to fix it. */
    void tellThreadSummaryFailed(Session session, String channel, String reason);

    /** Tells someone privately, in the session's thread, that only its starter or a manager can finish it. */
    void refuseFinish(Session session, String userId);

    /** Tells the person who started a session, privately, that it could not open and how to fix it. */
    void tellStarterCannotOpen(String noticeUrl, String channel, String reason);
}
