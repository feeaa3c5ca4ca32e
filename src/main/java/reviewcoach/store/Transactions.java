package reviewcoach.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a piece of work in a database transaction: committed when it returns, rolled back when it throws (the throwable
 * reaches the caller unchanged). Either each piece in its own transaction ({@link #separate}), or many callers' pieces
 * committed together ({@link GroupCommit}), on one connection or several ({@link StripedCommit}). Thread-safe.
 */
public interface Transactions extends AutoCloseable {

    /**
     * Work on a connection that is in a transaction; it must neither commit nor roll back itself, and must change nothing
     * but the database: {@link GroupCommit} runs it again when the database broke a deadlock it was part of.
     */
    interface Work<T> {
        T run(Connection connection) throws SQLException;

        /**
         * Runs as one piece of a group commit, whose earlier pieces may have held writes back ({@link HeldWrites}): work
         * that holds none back itself sends them first, so that it sees them.
         */
        default T run(Connection connection, GroupRun group) throws SQLException {
            group.held().send(connection);
            return run(connection);
        }
    }

    <T> T run(Work<T> work) throws SQLException;

    /**
     * Runs work that locks the row identified by {@code key} (a session's id), and nothing else that other keyed work
     * locks. An implementation may run work for different keys side by side ({@link StripedCommit}); work for one key
     * keeps the order it came in.
     */
    default <T> T run(long key, Work<T> work) throws SQLException {
        return run(work);
    }

    /**
     * Runs work of a single statement, which needs no transaction around it: where each piece of work commits on its
     * own ({@link #separate}), the statement commits by itself, without a commit's round trip of its own. Otherwise as
     * {@link #run(Work)}.
     */
    default <T> T runAlone(Work<T> work) throws SQLException {
        return run(work);
    }

    /**
     * How many callers are in a commit now, waiting for their work to run or to be committed with its group: a sign that
     * the database or the cores are busy with requests (0 where each piece runs at once on a connection of its own).
     */
    default int callers() {
        return 0;
    }

    /** Stops taking work; what was accepted is committed first. */
    @Override
    default void close() {}

    /** Each piece of work in its own transaction on a connection of its own: for databases that commit cheaply. */
    static Transactions separate(DataSource dataSource) {
        return new Transactions() {
            @Override
            public <T> T run(Work<T> work) throws SQLException {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try {
                        T result = work.run(connection);
                        connection.commit();
                        return result;
                    } catch (SQLException | RuntimeException | Error failure) {
                        connection.rollback();
                        throw failure;
                    } finally {
                        connection.setAutoCommit(true);
                    }
                }
            }

            @Override
            public <T> T runAlone(Work<T> work) throws SQLException {
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection); // a pooled connection commits each statement by itself
                }
            }
        };
    }
}
