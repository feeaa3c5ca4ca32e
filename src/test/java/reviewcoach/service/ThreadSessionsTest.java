package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.testing.MutableClock;

/**
 * {@link ThreadSessions}: which finds reach the store and what they give. The store is a mock: what matters is how often
 * it is asked.
 */
class ThreadSessionsTest {

    private static final String CHANNEL = "C1";
    private static final String THREAD = "1700000000.000100";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final SessionStore store = mock(SessionStore.class);
    private final ThreadSessions threads = new ThreadSessions(store, clock);
    private static final ThreadSessions.Seen SEEN = new ThreadSessions.Seen(7, "T1", Step.CIRCUMSTANCE);

    private final Session session = Session.opening(
                    7, "T1", CHANNEL, "U1", new Review("The wait was long.", null, null), clock.instant())
            .openedIn(THREAD);

    @Test
    void aThreadsSessionIsReadOnceWhileItIsKept() {
        when(store.findByThread(CHANNEL, THREAD)).thenReturn(Optional.of(session));

        assertEquals(Optional.of(SEEN), threads.find(CHANNEL, THREAD));
        clock.advance(ThreadSessions.KEPT.minusSeconds(1));
        assertEquals(Optional.of(SEEN), threads.find(CHANNEL, THREAD));

        verify(store, times(1)).findByThread(CHANNEL, THREAD);
    }

    @Test
    void aThreadsSessionIsReadAgainOnceItHasBeenKeptLongEnough() {
        when(store.findByThread(CHANNEL, THREAD)).thenReturn(Optional.of(session));

        threads.find(CHANNEL, THREAD);
        clock.advance(ThreadSessions.KEPT.plusSeconds(1));
        threads.find(CHANNEL, THREAD);

        verify(store, times(2)).findByThread(CHANNEL, THREAD);
    }

    /** A thread that is no session yet may become one (its session's thread is recorded once Slack posted it). */
    @Test
    void aThreadThatIsNoSessionIsAskedAboutEachTime() {
        when(store.findByThread(CHANNEL, THREAD)).thenReturn(Optional.empty());

        assertTrue(threads.find(CHANNEL, THREAD).isEmpty());
        assertTrue(threads.find(CHANNEL, THREAD).isEmpty());

        verify(store, times(2)).findByThread(CHANNEL, THREAD);
    }

    @Test
    void aStepMovedSinceReplacesTheStepKept() {
        when(store.findByThread(CHANNEL, THREAD)).thenReturn(Optional.of(session));
        ThreadSessions.Seen found = threads.find(CHANNEL, THREAD).orElseThrow();

        threads.lockedAs(CHANNEL, THREAD, found, Optional.of(session.atStep(Step.THOUGHT)));

        assertEquals(Step.THOUGHT, threads.find(CHANNEL, THREAD).orElseThrow().step());
        verify(store, times(1)).findByThread(CHANNEL, THREAD);
    }

    @Test
    void aSessionTheTransactionFoundGoneIsForgotten() {
        when(store.findByThread(CHANNEL, THREAD)).thenReturn(Optional.of(session), Optional.empty());
        ThreadSessions.Seen found = threads.find(CHANNEL, THREAD).orElseThrow();

        threads.lockedAs(CHANNEL, THREAD, found, Optional.empty());

        assertTrue(threads.find(CHANNEL, THREAD).isEmpty());
        verify(store, times(2)).findByThread(CHANNEL, THREAD);
    }

    @Test
    void aSessionDeletedHereIsForgottenAtOnce() {
        when(store.findByThread(CHANNEL, THREAD)).thenReturn(Optional.of(session), Optional.empty());
        threads.find(CHANNEL, THREAD);

        threads.deleted(session);

        assertTrue(threads.find(CHANNEL, THREAD).isEmpty());
        verify(store, times(2)).findByThread(CHANNEL, THREAD);
    }
}
