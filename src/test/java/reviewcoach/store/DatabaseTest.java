package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.Review;
import reviewcoach.testing.TestDatabase;

/** The schema as {@link Database} migrates it, on H2 or, with {@code TEST_DATABASE=postgres}, on PostgreSQL. */
class DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final List<String> TABLES_WITH_IDS = List.of("sessions", "contributions", "outbox", "action_items");

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;

    @BeforeEach
    void open() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
    }

    @AfterEach
    void close() {
        dataSource.close();
        database.close();
    }

    /** A session's owed messages go in the order of their ids, whichever pooled connection queued them. */
    @Test
    void idsFollowTheOrderRowsWereWrittenInWhicheverConnectionWroteThem() throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                connections.add(dataSource.getConnection());
            }
            long previous = 0;
            for (int row = 0; row < 30; row++) {
                JdbcSessionTransaction tx =
                        new JdbcSessionTransaction(connections.get(row % connections.size()), false, null);
                long id = tx.createSession("T1", "C1", "U1", new Review("The wait was long.", null, null), null, NOW)
                        .id();
                assertTrue(id > previous, "id " + id + " written after id " + previous);
                previous = id;
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /**
     * H2 writes an identity's next value down (a write to its file) once per cached block, so it keeps many; PostgreSQL's
     * cache is each connection's own and stays at one, which keeps the test above true there.
     */
    @Test
    void h2HandsOutAThousandIdsPerWriteAndPostgresqlOne() throws SQLException {
        long expected = TestDatabase.isPostgres() ? 1 : 1000;
        for (String table : TABLES_WITH_IDS) {
            assertEquals(expected, identityCache(table), table);
        }
    }

    private long identityCache(String table) throws SQLException {
        String sql = TestDatabase.isPostgres()
                ? "SELECT s.seqcache FROM pg_sequence s WHERE s.seqrelid = pg_get_serial_sequence(?, 'id')::regclass"
                : "SELECT identity_cache FROM information_schema.columns WHERE table_name = UPPER(?) AND column_name = 'ID'";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "no identity column on " + table);
                return rows.getLong(1);
            }
        }
    }

    /**
     * The tables written at every contribution have no foreign keys, so H2 keeps no index of its own for them; the others
     * keep theirs, and deleting a session still takes everything it had.
     */
    @Test
    void theHotTablesHaveNoForeignKeysAndDeletingASessionStillTakesItsRows() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of(), HotTablesWithoutForeignKeys.foreignKeys(connection, "contributions"));
            assertEquals(List.of(), HotTablesWithoutForeignKeys.foreignKeys(connection, "outbox"));
            assertEquals(
                    1,
                    HotTablesWithoutForeignKeys.foreignKeys(connection, "bot_messages")
                            .size());
            assertEquals(
                    1,
                    HotTablesWithoutForeignKeys.foreignKeys(connection, "action_items")
                            .size());
            if (!TestDatabase.isPostgres()) {
                assertEquals(List.of(), indexesOnSessionIdAlone(connection), "no index on session_id alone");
            }
        }
        JdbcSessionStore store = new JdbcSessionStore(dataSource);
        long kept = store.inTransaction(tx -> tx.createSession("T1", "C1", "U1", Review.of("Kept."), null, NOW)
                .id());
        long gone = store.inTransaction(tx -> tx.createSession("T1", "C1", "U1", Review.of("Gone."), null, NOW)
                .id());
        for (long id : List.of(kept, gone)) {
            store.inSessionTransaction(id, tx -> {
                tx.lock(id);
                tx.addContribution(
                        id,
                        new reviewcoach.dialogue.Contribution(
                                "1700000000.000100", reviewcoach.dialogue.Step.first(), "U2", "A line.", null, NOW));
                tx.enqueue(id, reviewcoach.service.DeliveryKind.QUESTION, "1700000000.000100", NOW);
                tx.enqueue(id, reviewcoach.service.DeliveryKind.ACKNOWLEDGE, "1700000000.000100", NOW);
                return null;
            });
        }

        store.inSessionTransaction(gone, tx -> {
            tx.deleteSession(gone);
            return null;
        });

        assertEquals(List.of(kept, kept, kept), sessionIdsOf("contributions", "outbox"));
        for (java.util.function.Consumer<reviewcoach.service.SessionTransaction> write :
                List.<java.util.function.Consumer<reviewcoach.service.SessionTransaction>>of(
                        tx -> tx.addContribution(
                                gone,
                                new reviewcoach.dialogue.Contribution(
                                        "1700000000.000200",
                                        reviewcoach.dialogue.Step.first(),
                                        "U2",
                                        "Late.",
                                        null,
                                        NOW)),
                        tx -> tx.enqueue(
                                gone, reviewcoach.service.DeliveryKind.ACKNOWLEDGE, "1700000000.000200", NOW))) {
            assertThrows(
                    IllegalStateException.class,
                    () -> store.inTransaction(tx -> {
                        write.accept(tx);
                        return null;
                    }));
        }
        assertEquals(
                List.of(kept, kept, kept), sessionIdsOf("contributions", "outbox"), "nothing names a deleted session");
    }

    private List<String> indexesOnSessionIdAlone(Connection connection) throws SQLException {
        String sql = "SELECT i.table_name, i.index_name FROM information_schema.index_columns i"
                + " WHERE LOWER(i.table_name) IN ('contributions', 'outbox') AND i.table_schema = CURRENT_SCHEMA"
                + " GROUP BY i.table_name, i.index_name"
                + " HAVING COUNT(*) = 1 AND MAX(LOWER(i.column_name)) = 'session_id'";
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1) + "." + rows.getString(2));
            }
        }
        return found;
    }

    private List<Long> sessionIdsOf(String... tables) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables) {
                String session = table.equals("outbox") ? "COALESCE(session_id, about_session)" : "session_id";
                try (PreparedStatement statement =
                                connection.prepareStatement("SELECT " + session + " FROM " + table + " ORDER BY id");
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
        }
        return ids;
    }
}
