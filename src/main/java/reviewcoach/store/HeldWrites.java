package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes held back from one piece of a group commit on PostgreSQL, to travel in the same round trip as the next
 * statement on the group's connection, or just before its commit: a line's insert then costs no round trip of its own,
 * while the next piece (which waits for it) starts at once. They are sent first, as statements of their own separated by
 * semicolons (which PostgreSQL's driver sends together), or before the commit as one batch when they share one text,
 * so everything after them sees them, as if they had run when held. Whatever reads the connection must therefore send
 * what is held first; {@link JdbcSessionTransaction} does, and {@link GroupCommit} does before any other work and
 * before it commits.
 *
 * <p>A held write that fails, fails the statement it travels with, so the piece that held it is not the one that
 * throws: the group commit then runs its pieces again one by one, without holding anything back. Not thread-safe: one
 * committer's, for one group.
 */
final class HeldWrites {

    /** What became of a held write: sent (with the id it returned, when it returns one), or lost unsent. */
    interface Fate {
        /** For a write that is only to be sent. */
        Fate NOTHING_TO_DO = new Fate() {
            @Override
            public void sent(long id) {}

            @Override
            public void lost() {}
        };

        void sent(long id);

        void lost();
    }

    private record Held(Write write, boolean returnsId, Fate fate) {}

    private final List<Held> held = new ArrayList<>();

    /**
     * Holds {@code write} back; a write that {@code returnsId} ends with {@code RETURNING id}, which is given to {@code
     * fate} once it is sent.
     */
    void hold(Write write, boolean returnsId, Fate fate) {
        held.add(new Held(write, returnsId, fate));
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    /**
     * Sends what is held, in one round trip. Writes of one text (a group's lines, the common case) go as one batch of
     * one statement, whose text is then the same for any number of them: the driver prepares it once on the connection
     * and the server plans it once, where a text of so many statements joined would be a new one for each count.
     */
    void send(Connection connection) throws SQLException {
        if (held.isEmpty()) {
            return;
        }
        if (held.size() > 1 && isOneText()) {
            sendBatch(connection);
        } else {
            sendBefore(connection, null).close();
        }
    }

    private boolean isOneText() {
        Held first = held.get(0);
        for (Held write : held) {
            if (!write.write().sql().equals(first.write().sql()) || write.returnsId() != first.returnsId()) {
                return false;
            }
        }
        return true;
    }

    /** Sends what is held, all of one text, as one batch; the ids the writes return, when they return one, in order. */
    private void sendBatch(Connection connection) throws SQLException {
        List<Held> sending = List.copyOf(held);
        held.clear();
        Held first = sending.get(0);
        String sql = first.write().sql();
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = first.returnsId()
                ? connection.prepareStatement(sql, new String[] {"id"}) // its text ends with RETURNING id already
                : connection.prepareStatement(sql)) {
            for (Held write : sending) {
                JdbcSessionTransaction.bind(statement, write.write().parameters());
                statement.addBatch();
            }
            statement.executeBatch();
            if (first.returnsId()) {
                try (ResultSet returned = statement.getGeneratedKeys()) {
                    while (returned.next()) {
                        ids.add(returned.getLong(1));
                    }
                }
                if (ids.size() != sending.size()) {
                    throw new SQLException("held writes returned " + ids.size() + " ids for " + sending.size());
                }
            }
        } catch (SQLException | RuntimeException | Error failure) {
            sending.forEach(write -> write.fate().lost());
            throw failure;
        }
        for (int i = 0; i < sending.size(); i++) {
            sending.get(i).fate().sent(first.returnsId() ? ids.get(i) : 0);
        }
    }

    /**
     * Sends what is held, then {@code sql} (when not null), in one round trip. The statement returned, which the caller
     * closes, is at {@code sql}'s result.
     */
    PreparedStatement sendBefore(Connection connection, String sql, Object... sqlParameters) throws SQLException {
        List<Held> sending = List.copyOf(held);
        held.clear();
        List<String> statements = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Held write : sending) {
            statements.add(write.write().sql());
            parameters.addAll(Arrays.asList(write.write().parameters()));
        }
        if (sql != null) {
            statements.add(sql);
            parameters.addAll(Arrays.asList(sqlParameters));
        }
        int sent = 0;
        PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements));
        try {
            JdbcSessionTransaction.bind(statement, parameters.toArray());
            statement.execute();
            for (Held write : sending) {
                long id = write.returnsId() ? returnedId(statement) : 0;
                sent++;
                write.fate().sent(id);
                statement.getMoreResults();
            }
            return statement;
        } catch (SQLException | RuntimeException | Error failure) {
            sending.subList(sent, sending.size()).forEach(write -> write.fate().lost());
            statement.close();
            throw failure;
        }
    }

    private static long returnedId(PreparedStatement statement) throws SQLException {
        try (ResultSet returned = statement.getResultSet()) {
            if (returned == null || !returned.next()) {
                throw new SQLException("a held write returned no id");
            }
            return returned.getLong(1);
        }
    }

    /** Forgets what is held, unsent: its transaction is rolled back. */
    void discard() {
        List<Held> lost = List.copyOf(held);
        held.clear();
        lost.forEach(write -> write.fate().lost());
    }
}
