package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.TestDatabase;

/**
 * Several committers side by side: one session's work always on the same one, different sessions' work in parallel.
 */
class StripedCommitTest {

    private static final int COMMITTERS = 4;

    @TempDir
    Path folder;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private ExecutorService callers;

    @BeforeEach
    void open() {
        database = TestDatabase.create(folder);
        dataSource = database.open();
        callers = Executors.newFixedThreadPool(COMMITTERS);
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        dataSource.close();
        database.close();
    }

    @Test
    void oneSessionsWorkAlwaysGoesToTheSameCommitterAndSessionsSpreadOverAll() {
        try (StripedCommit commits = new StripedCommit(dataSource, COMMITTERS)) {
            Set<GroupCommit> used = new HashSet<>();
            for (long session = 1; session <= 100; session++) {
                assertSame(commits.committerFor(session), commits.committerFor(session));
                used.add(commits.committerFor(session));
            }
            assertEquals(COMMITTERS, used.size());
        }
    }

    /** Each piece waits until the other has started: with one committer they would wait for each other for ever. */
    @Test
    void workForTwoSessionsOnDifferentCommittersRunsSideBySide() throws Exception {
        try (StripedCommit commits = new StripedCommit(dataSource, COMMITTERS)) {
            long first = 1;
            long second = onAnotherCommitter(commits, first);
            CyclicBarrier bothRunning = new CyclicBarrier(2);
            List<Future<Long>> results = new ArrayList<>();
            for (long session : List.of(first, second)) {
                results.add(callers.submit(() -> commits.run(session, connection -> {
                    await(bothRunning);
                    return session;
                })));
            }
            assertEquals(first, results.get(0).get(30, TimeUnit.SECONDS));
            assertEquals(second, results.get(1).get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void workForNoSessionGoesToEachCommitterInTurn() throws Exception {
        try (StripedCommit commits = new StripedCommit(dataSource, COMMITTERS)) {
            CyclicBarrier allRunning = new CyclicBarrier(COMMITTERS);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < COMMITTERS; i++) {
                results.add(callers.submit(() -> commits.run(connection -> {
                    await(allRunning);
                    return connection.isValid(5);
                })));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(30, TimeUnit.SECONDS));
            }
        }
    }

    /** The callers of every committer, those whose piece runs and those waiting behind it, counted together. */
    @Test
    void countsTheCallersOfEveryCommitter() throws Exception {
        try (StripedCommit commits = new StripedCommit(dataSource, COMMITTERS)) {
            long first = 1;
            long second = onAnotherCommitter(commits, first);
            CountDownLatch release = new CountDownLatch(1);
            List<Future<Long>> running = new ArrayList<>();
            List<Future<Long>> behind = new ArrayList<>();
            for (long session : List.of(first, second)) {
                CountDownLatch started = new CountDownLatch(1);
                running.add(callers.submit(() -> commits.run(session, connection -> {
                    started.countDown();
                    awaitQuietly(release);
                    return session;
                })));
                assertTrue(started.await(30, TimeUnit.SECONDS));
                behind.add(callers.submit(() -> commits.run(session, connection -> session)));
                awaitWaiting(commits.committerFor(session), 1);
            }

            assertEquals(4, commits.callers());

            release.countDown();
            for (Future<Long> piece : running) {
                piece.get(30, TimeUnit.SECONDS);
            }
            for (Future<Long> piece : behind) {
                piece.get(30, TimeUnit.SECONDS);
            }
            assertEquals(0, commits.callers());
        }
    }

    /** The first session after {@code session} whose work goes to another committer. */
    private static long onAnotherCommitter(StripedCommit commits, long session) {
        long other = session + 1;
        while (commits.committerFor(other) == commits.committerFor(session)) {
            other++;
        }
        return other;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One session's pieces share a committer: the first piece finishes only once the second waits in that committer's
     * queue, and the second has not run by then. Were it sent to another committer, it would never wait there.
     */
    @Test
    void oneSessionsPiecesRunOneAfterAnother() throws Exception {
        try (StripedCommit commits = new StripedCommit(dataSource, COMMITTERS)) {
            GroupCommit sessions = commits.committerFor(7);
            CountDownLatch secondRan = new CountDownLatch(1);
            AtomicReference<Future<String>> second = new AtomicReference<>();
            Future<Boolean> first = callers.submit(() -> commits.run(7, connection -> {
                second.set(callers.submit(() -> commits.run(7, other -> {
                    secondRan.countDown();
                    return "second";
                })));
                awaitWaiting(sessions, 1);
                return secondRan.getCount() == 1;
            }));
            assertTrue(first.get(30, TimeUnit.SECONDS), "the second piece ran while the first held the committer");
            assertEquals("second", second.get().get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void afterCloseNoWorkIsTaken() {
        StripedCommit commits = new StripedCommit(dataSource, COMMITTERS);
        commits.close();
        assertThrows(SQLException.class, () -> commits.run(connection -> 1));
        assertThrows(SQLException.class, () -> commits.run(3, connection -> 1));
    }

    @Test
    void atLeastOneCommitter() {
        assertThrows(IllegalArgumentException.class, () -> new StripedCommit(dataSource, 0));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Waits until {@code count} callers wait in the committer's queue; fails after 30 s. */
    private static void awaitWaiting(GroupCommit committer, int count) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (committer.waiting() < count) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("nothing came to wait behind this piece");
            }
            sleepBriefly();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception timedOut) {
            throw new IllegalStateException("the other piece never ran beside this one", timedOut);
        }
    }
}
