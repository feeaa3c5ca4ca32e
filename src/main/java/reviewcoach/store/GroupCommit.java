package reviewcoach.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the work of many callers, arriving at once, runs on one connection and is committed with one commit.
 * Every caller still returns only after its work is committed, so nothing acknowledged can be lost; what is saved is
 * the cost of a commit per caller (on H2 with {@code WRITE_DELAY=0} a write to its file; on PostgreSQL a WAL flush and
 * a round trip), and, since one transaction holds them all, the waits of callers that lock the same session.
 *
 * <p>When a piece fails, the group is rolled back and run again with each piece inside its own savepoint, so that the
 * failing piece alone is rolled back and every other piece is kept. Pieces seldom fail (a retried event already
 * handled, a deadlock), and a savepoint set and released around every piece would cost two more statements each (two
 * round trips on PostgreSQL, where a piece has four or five).
 *
 * <p>On PostgreSQL the group saves round trips in two ways ({@link GroupRun}). The events its pieces say they claim
 * first, with their sessions' locks, are claimed together before the pieces run ({@link ClaimsAhead}); and a piece may
 * hold its last writes back ({@link HeldWrites}), to go in the same round trip as the next statement, or just before
 * the commit. A group of lines then costs three round trips whatever its size: the claims, the lines, the commit. A
 * failure of either makes the group run again piece by piece, as above, with nothing made ahead or held back.
 *
 * <p>One thread commits, so pieces of one group never wait for each other's locks. Callers wait in a bounded queue,
 * which pushes back on them when the database falls behind. A piece must not start another transaction through this
 * same group commit (it would wait for itself).
 *
 * <p>On PostgreSQL there are several committers (each instance's own, and several in one instance: see {@link
 * StripedCommit}), and a group keeps the row locks of its earlier pieces until it commits. Two committers' groups can
 * therefore wait for each other (one locked session A and wants B, the other the reverse); the database breaks such a
 * deadlock by failing one statement. The piece that failed is rolled back to its savepoint alone and run again at
 * the head of the next group, after this one's commit has released its locks (up to {@value #MAX_ATTEMPTS} times).
 * So a piece of work must have no effect outside its connection: it may run more than once (after another piece's
 * failure too), and only its last run counts. Thread-safe.
 */
public final class GroupCommit implements Transactions, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Enough to spread a commit over a busy moment's requests; small enough that one group stays short. */
    static final int MAX_GROUP = 64;

    /** Runs of one piece at most, when the database fails it for a deadlock or a serialization conflict. */
    static final int MAX_ATTEMPTS = 3;

    /**
     * Every piece's savepoint has this one name, so that its SQL is the same text each time. H2 names an unnamed
     * savepoint after a counter and keeps each such statement in the connection's cache of parsed statements, where
     * every new name pushes out a statement that is still needed (which is then parsed again). A savepoint of a name
     * already set replaces it (H2) or hides it (PostgreSQL); a piece is released or rolled back before the next begins.
     */
    private static final String PIECE = "piece";

    private static final int QUEUE_CAPACITY = 4096;
    private static final long IDLE_POLL_MILLIS = 200;

    private final DataSource dataSource;
    private final BlockingQueue<Pending<?>> waiting = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** Pieces a deadlock failed, to run first in the next group; used by the committer thread only. */
    private final Deque<Pending<?>> retries = new ArrayDeque<>();

    /** Callers in {@link #run}: waiting, or in the group being committed. */
    private final AtomicInteger callers = new AtomicInteger();

    private final Thread committer;
    private volatile boolean open = true;

    public GroupCommit(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.committer = new Thread(this::commitLoop, "group-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    @Override
    public <T> T run(Work<T> work) throws SQLException {
        if (!open) {
            throw new SQLException("the database is closing");
        }
        Pending<T> pending = new Pending<>(work);
        callers.incrementAndGet();
        try {
            waiting.put(pending);
            return pending.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a commit", interrupted);
        } finally {
            callers.decrementAndGet();
        }
    }

    /** How many callers wait for the committer right now. */
    int waiting() {
        return waiting.size();
    }

    @Override
    public int callers() {
        return callers.get();
    }

    /** Commits what is waiting, then stops; later calls fail. */
    @Override
    public void close() {
        open = false;
        try {
            committer.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        List<Pending<?>> abandoned = new ArrayList<>();
        waiting.drainTo(abandoned);
        abandoned.forEach(pending -> pending.fail(new SQLException("the database closed")));
    }

    /**
     * Takes what is waiting, up to a group, and commits it; never interrupted, because an embedded database may close its
     * file when the thread writing it is interrupted.
     */
    private void commitLoop() {
        List<Pending<?>> group = new ArrayList<>(MAX_GROUP);
        while (open || !waiting.isEmpty() || !retries.isEmpty()) {
            Pending<?> first = retries.pollFirst();
            if (first == null) {
                try {
                    first = waiting.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ignored) {
                    continue; // only close() ends the loop
                }
            }
            if (first == null) {
                continue;
            }
            group.add(first);
            while (group.size() < MAX_GROUP && !retries.isEmpty()) {
                group.add(retries.pollFirst());
            }
            waiting.drainTo(group, MAX_GROUP - group.size());
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Pending<?>> group) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Pending<?>> again = new ArrayList<>();
            try {
                if (!ranTogether(connection, group)) {
                    connection.rollback();
                    for (Pending<?> pending : group) {
                        runInSavepoint(connection, pending);
                        if (pending.mayRunAgain()) {
                            again.add(pending);
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException | Error failure) {
                rollBack(connection);
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
            for (Pending<?> pending : group) {
                if (again.contains(pending)) {
                    retries.addLast(pending);
                } else {
                    pending.complete();
                }
            }
            if (!again.isEmpty()) {
                log.info(
                        "{} of a group of {} transactions met a deadlock; running them again",
                        again.size(),
                        group.size());
            }
        } catch (SQLException | RuntimeException | Error failure) {
            log.warn(
                    "a group of {} transactions failed to commit: {}",
                    group.size(),
                    failure.getClass().getName());
            group.forEach(pending -> pending.fail(failure));
        }
    }

    /**
     * Runs every piece of the group one after another, without savepoints, and sends the writes they held back; false
     * when one of them threw or a held write failed, which leaves the transaction to be rolled back (on PostgreSQL it
     * is aborted) and the group run again piece by piece, holding nothing back.
     */
    private static boolean ranTogether(Connection connection, List<Pending<?>> group) {
        GroupRun run;
        try {
            run = new GroupRun(new HeldWrites(), claimsAhead(connection, group));
        } catch (SQLException | RuntimeException failure) {
            return false;
        }
        for (Pending<?> pending : group) {
            if (claimOf(pending) == null) {
                run.ahead().forgetSessions(); // work that may change a session read ahead
            }
            if (!pending.ranWithoutFailing(connection, run)) {
                run.held().discard();
                return false;
            }
        }
        try {
            run.held().send(connection);
            return true;
        } catch (SQLException | RuntimeException failure) {
            return false;
        }
    }

    /** The claims the group's pieces say they make first, made together when there are two or more. */
    private static ClaimsAhead claimsAhead(Connection connection, List<Pending<?>> group) throws SQLException {
        List<ClaimsAhead.EventClaim> claims = new ArrayList<>();
        for (Pending<?> pending : group) {
            ClaimsAhead.EventClaim claim = claimOf(pending);
            if (claim != null) {
                claims.add(claim);
            }
        }
        return claims.size() < 2 ? ClaimsAhead.none() : ClaimsAhead.make(connection, claims);
    }

    /** The claim a piece says it makes first; null when it says none. */
    private static ClaimsAhead.EventClaim claimOf(Pending<?> pending) {
        return pending.work instanceof ClaimsAhead.Claiming claiming ? claiming.claim() : null;
    }

    /** Runs one caller's work; when it throws, only its own changes are undone and the throwable is kept for it. */
    private static <T> void runInSavepoint(Connection connection, Pending<T> pending) throws SQLException {
        Savepoint savepoint = connection.setSavepoint(PIECE);
        pending.attempts++;
        pending.failure = null;
        try {
            pending.result = pending.work.run(connection);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException | RuntimeException | Error failure) {
            connection.rollback(savepoint);
            pending.failure = failure;
        }
    }

    /**
     * A deadlock the database broke (PostgreSQL's 40P01) or a serialization failure (40001, also H2's deadlock), found
     * anywhere in the chain of causes: the stores wrap SQL failures in their own exceptions.
     */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    /** One caller's work and what became of it. */
    private static final class Pending<T> {
        private final Work<T> work;
        private final CountDownLatch done = new CountDownLatch(1);
        private T result;
        private Throwable failure;
        private int attempts;
        /** The commit's own failure, which overrides the work's result: nothing of the group was kept. */
        private volatile Throwable commitFailure;

        Pending(Work<T> work) {
            this.work = work;
        }

        /** Runs the work with the rest of its group; a failure is not kept: the piece runs again in a savepoint. */
        boolean ranWithoutFailing(Connection connection, GroupRun run) {
            try {
                result = work.run(connection, run);
                failure = null;
                return true;
            } catch (SQLException | RuntimeException | Error thrown) {
                return false;
            }
        }

        /** Whether its last run failed only because the database broke a deadlock or a conflict, and it may run again. */
        boolean mayRunAgain() {
            return attempts < MAX_ATTEMPTS && isConflict(failure);
        }

        void complete() {
            done.countDown();
        }

        void fail(Throwable failure) {
            commitFailure = failure;
            done.countDown();
        }

        T await() throws SQLException, InterruptedException {
            done.await();
            Throwable thrown = commitFailure != null ? commitFailure : failure;
            if (thrown instanceof SQLException sql) {
                throw sql;
            }
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            return result;
        }
    }
}
