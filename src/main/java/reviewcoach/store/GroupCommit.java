package reviewcoach.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the work of many callers, arriving at once, runs on one connection and is committed with one commit,
 * each piece inside its own savepoint so that one failing piece is rolled back alone. Every caller still returns only
 * after its work is committed, so nothing acknowledged can be lost; what is saved is the cost of a commit per caller,
 * which dominates on an embedded database that writes every commit to its file (H2 with {@code WRITE_DELAY=0}).
 *
 * <p>One thread commits, so pieces of one group never wait for each other's locks. Callers wait in a bounded queue,
 * which pushes back on them when the database falls behind. A piece must not start another transaction through this
 * same group commit (it would wait for itself). Thread-safe.
 */
public final class GroupCommit implements Transactions, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Enough to spread a commit over a busy moment's requests; small enough that one group stays short. */
    static final int MAX_GROUP = 64;

    private static final int QUEUE_CAPACITY = 4096;
    private static final long IDLE_POLL_MILLIS = 200;

    private final DataSource dataSource;
    private final BlockingQueue<Pending<?>> waiting = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
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
        try {
            waiting.put(pending);
            return pending.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a commit", interrupted);
        }
    }

    /** How many callers wait for the committer right now. */
    int waitingCount() {
        return waiting.size();
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
        while (open || !waiting.isEmpty()) {
            Pending<?> first;
            try {
                first = waiting.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                continue; // only close() ends the loop
            }
            if (first == null) {
                continue;
            }
            group.add(first);
            waiting.drainTo(group, MAX_GROUP - 1);
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Pending<?>> group) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Pending<?> pending : group) {
                    runInSavepoint(connection, pending);
                }
                connection.commit();
            } catch (SQLException | RuntimeException | Error failure) {
                rollBack(connection);
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
            group.forEach(Pending::complete);
        } catch (SQLException | RuntimeException | Error failure) {
            log.warn(
                    "a group of {} transactions failed to commit: {}",
                    group.size(),
                    failure.getClass().getName());
            group.forEach(pending -> pending.fail(failure));
        }
    }

    /** Runs one caller's work; when it throws, only its own changes are undone and the throwable is kept for it. */
    private static <T> void runInSavepoint(Connection connection, Pending<T> pending) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            pending.result = pending.work.run(connection);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException | RuntimeException | Error failure) {
            connection.rollback(savepoint);
            pending.failure = failure;
        }
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
        /** The commit's own failure, which overrides the work's result: nothing of the group was kept. */
        private volatile Throwable commitFailure;

        Pending(Work<T> work) {
            this.work = work;
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
