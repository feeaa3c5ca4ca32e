package reviewcoach.service;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;

/**
 * Which session each review thread belongs to, and the step it was last seen at, kept in memory so that a reply in a
 * busy thread costs no query before its transaction. Nothing people wrote is kept here, only ids and a step. What a
 * reply does is always decided on the session as locked in its transaction; what is kept here only says which session
 * to lock (a thread's session never changes) and the step to read the line at beforehand. A step moved since, on this
 * instance or another, shows in the transaction, which reads the line again, and the step kept is corrected. A session
 * deleted here is forgotten at once; one deleted on another instance is found missing by the transaction, and
 * forgotten then. Bounded; thread-safe.
 */
final class ThreadSessions {

    /** How long a thread is known before its session is read again, however busy the thread. */
    static final Duration KEPT = Duration.ofMinutes(5);

    /** Threads known at most: far more than a team keeps busy at once; about 350 bytes each, 3.5 MB when full. */
    static final int MOST = 10_000;

    /** A thread's session as last seen: its id, its workspace and its step. */
    record Seen(long id, String workspace, Step step) {
        static Seen of(Session session) {
            return new Seen(session.id(), session.workspace(), session.step());
        }
    }

    private record Key(String channel, String thread) {}

    private final SessionStore store;
    private final Cache<Key, Seen> seen;

    /** @param clock what {@link #KEPT} is measured by */
    ThreadSessions(SessionStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.seen = ClockedCaches.expiringAfter(KEPT, clock).maximumSize(MOST).build();
    }

    /** The session of the thread, as kept or else read from the store; empty when the thread is no session's. */
    Optional<Seen> find(String channel, String thread) {
        Key key = new Key(channel, thread);
        Seen known = seen.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Seen> read = store.findByThread(channel, thread).map(Seen::of);
        read.ifPresent(session -> seen.put(key, session));
        return read;
    }

    /**
     * What a transaction found of a session found by {@link #find} in this thread: the session as locked there, or
     * empty when it is gone.
     */
    void lockedAs(String channel, String thread, Seen found, Optional<Session> locked) {
        Key key = new Key(channel, thread);
        if (locked.isEmpty()) {
            seen.invalidate(key);
        } else if (locked.get().step() != found.step()) {
            seen.put(key, Seen.of(locked.get()));
        }
    }

    /** A session was deleted on this instance: its thread is no session's any more. */
    void deleted(Session session) {
        if (session.thread() != null) {
            seen.invalidate(new Key(session.channel(), session.thread()));
        }
    }
}
