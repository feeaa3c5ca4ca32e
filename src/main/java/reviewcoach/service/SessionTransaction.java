package reviewcoach.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;

/** The changes the service makes to sessions, all within one database transaction. Not thread-safe. */
public interface SessionTransaction {

    /**
     * Records that an event is being handled.
     *
     * @throws AlreadyHandled when it was handled before (or is being handled right now by someone else)
     */
    void claimEvent(String eventId, Instant now);

    /**
     * Claims an event as {@link #claimEvent} does, then locks its session as {@link #lock} does; where the database
     * allows, in one statement (a round trip fewer on a contribution's path).
     *
     * @throws AlreadyHandled when the event was handled before
     */
    Optional<Session> claimEventAndLock(String eventId, Instant now, long sessionId);

    /** Creates a session that is waiting for its thread. */
    Session createSession(
            String workspace, String channel, String starter, Review review, String noticeUrl, Instant now);

    /** Remembers where a private session's summary goes if its starter shares it. */
    void setShareChannel(long sessionId, String channel);

    /** Finds a session and locks it until the transaction ends, so that changes to one session happen one at a time. */
    Optional<Session> lock(long sessionId);

    /** Like {@link #lock(long)}, by the session's thread. */
    Optional<Session> lockByThread(String channel, String thread);

    /** Saves the session's thread, step, status and finish time. */
    void save(Session session);

    void deleteSession(long sessionId);

    Optional<Contribution> findContribution(long sessionId, String messageId);

    /** The session's contributions in the order they were written, read within this transaction. */
    List<Contribution> contributions(long sessionId);

    /** The messages the bot posted for a session, read within this transaction. */
    List<PostedMessage> postedMessages(long sessionId);

    /** Remembers a message the bot posted for a session, so that deleting the session removes it from Slack too. */
    void recordPosted(long sessionId, PostedMessage message);

    void addContribution(long sessionId, Contribution contribution);

    /**
     * Adds a contribution and owes Slack what answers it (its reaction, a question, care; the subject is the line's
     * message id), as {@link #addContribution(long, Contribution)} then {@link #enqueue} do; where the database allows,
     * in one statement.
     */
    void addContribution(long sessionId, Contribution contribution, DeliveryKind answer, Instant now);

    void replaceContribution(long sessionId, Contribution contribution);

    void removeContribution(long sessionId, String messageId);

    /** Owes a message to Slack; it is sent after the transaction commits. */
    void enqueue(long sessionId, DeliveryKind kind, String subject, Instant notBefore);

    /**
     * Whether something this transaction owes Slack waits in the outbox for a courier to look there: true unless each
     * message it {@linkplain #enqueue owed} goes straight to this instance's courier once it commits (a reaction can).
     */
    boolean owesWaitingDeliveries();

    /** The action items and summary location, changed within this same transaction. */
    ActionItemTransaction actionItems();
}
