package reviewcoach.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Session;

/** Where sessions and their contributions live. Thread-safe; every change happens inside {@link #inTransaction}. */
public interface SessionStore {

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. The work may run again after
     * the database broke a deadlock it was part of, so it must change nothing but the database.
     */
    <T> T inTransaction(Function<SessionTransaction, T> work);

    /**
     * As {@link #inTransaction}, for work that locks one session and no other: a store may run it beside work for other
     * sessions, and keeps work for this one in the order it came.
     */
    default <T> T inSessionTransaction(long sessionId, Function<SessionTransaction, T> work) {
        return inTransaction(work);
    }

    /**
     * As {@link #inSessionTransaction}, for work whose first step is {@code tx.claimEventAndLock(eventId, now,
     * sessionId)}: a store may make that claim ahead of the work, together with other transactions' claims.
     */
    default <T> T inEventTransaction(
            String eventId, Instant now, long sessionId, Function<SessionTransaction, T> work) {
        return inSessionTransaction(sessionId, work);
    }

    Optional<Session> find(long sessionId);

    Optional<Session> findByThread(String channel, String thread);

    /** The session's contributions in the order they were written. */
    List<Contribution> contributions(long sessionId);

    /** One contribution of a session, by the id of the message that carried it. */
    Optional<Contribution> contribution(long sessionId, String messageId);

    /** As {@link #contribution}, with its session, read together; empty when either is gone. */
    Optional<SessionLine> line(long sessionId, String messageId);

    /** Where to tell the starter privately that the session could not open, if known. */
    Optional<String> noticeUrl(long sessionId);

    /** Where a private session's summary goes if its starter shares it, if known. */
    Optional<String> shareChannel(long sessionId);

    /** The most recent sessions in a channel, newest first. */
    List<Session> recentInChannel(String workspace, String channel, int limit);

    /** The messages the bot posted for a session. */
    List<PostedMessage> postedMessages(long sessionId);

    /** Remembers a message the bot posted for a session. */
    void recordPosted(long sessionId, PostedMessage message);

    /** Deletes sessions finished before the cutoff, with everything kept for them; returns how many. */
    int deleteFinishedBefore(Instant cutoff);

    /** Forgets handled event ids older than the cutoff (Slack retries within minutes); returns how many. */
    int forgetEventsBefore(Instant cutoff);

    /** True when the database answers. */
    boolean isHealthy();
}
