package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                JdbcSessionTransaction tx = new JdbcSessionTransaction(connections.get(row % connections.size()));
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
}
