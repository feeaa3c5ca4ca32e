package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 13: {@code contributions} and {@code outbox}, written at every contribution, lose their foreign keys to
 * {@code sessions}. H2 gives each foreign key an index of its own on {@code session_id} alone, beside the indexes
 * that already lead with it ({@code contributions_message_unique}, {@code outbox_queue}), so every contribution and
 * every delivery wrote one index more than any look-up uses: about a fifth of what H2 writes per contribution. A row in
 * either table is only written by a transaction that holds its session's lock, which refuses to write one for a session
 * that does not exist, and a session is only deleted by {@link JdbcSessionTransaction#deleteSession}, which deletes both
 * tables' rows first; so the keys guarded nothing the code does not. {@code bot_messages} and {@code action_items} keep
 * theirs.
 *
 * <p>A Java migration because the keys' names differ by database (H2 names them itself); each database lists them in
 * its {@code information_schema}.
 */
final class HotTablesWithoutForeignKeys implements JavaMigration {

    private static final List<String> TABLES = List.of("contributions", "outbox");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13");
    }

    @Override
    public String getDescription() {
        return "hot tables without foreign keys";
    }

    /** None, as for any Java migration: Flyway cannot read what the code will do. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String table : TABLES) {
            for (String key : foreignKeys(connection, table)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + key + "\"");
                }
            }
        }
    }

    /** The names of the table's foreign keys in the current schema, as the database spells them. */
    static List<String> foreignKeys(Connection connection, String table) throws SQLException {
        String sql = "SELECT constraint_name FROM information_schema.table_constraints"
                + " WHERE constraint_type = 'FOREIGN KEY' AND LOWER(table_name) = ? AND table_schema = CURRENT_SCHEMA"
                + " ORDER BY constraint_name";
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
