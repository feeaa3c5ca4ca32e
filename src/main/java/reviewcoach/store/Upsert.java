package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Keeps one row by its primary key on H2 and PostgreSQL alike: an {@code UPDATE}, then an {@code INSERT} when no row
 * was there; when another instance inserted the same key in between (SQLState 23505), it updates again, so the last
 * save wins. Standard {@code MERGE} would not spare the retry (PostgreSQL's raises 23505 under concurrent inserts too),
 * and {@code ON CONFLICT} is PostgreSQL's alone. Thread-safe.
 */
final class Upsert {

    /** An update, an insert that lost to a concurrent one, an update: a third round means rows come and go meanwhile. */
    private static final int ROUNDS = 3;

    private final String update;
    private final String insert;

    /**
     * @param table the table, whose primary key is {@code key}
     * @param columns the other columns, in the order {@link #save} takes their values
     */
    Upsert(String table, String key, String... columns) {
        this.update = "UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ? WHERE " + key + " = ?";
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ", " + key + ") VALUES ("
                + "?, ".repeat(columns.length) + "?)";
    }

    /**
     * @param doing what the save is for, said in the {@link StoreException} when it fails
     * @param values the columns' values, in the order the constructor named them
     */
    void save(DataSource dataSource, String doing, Object key, Object... values) {
        Object[] parameters = Arrays.copyOf(values, values.length + 1);
        parameters[values.length] = key;
        try (Connection connection = dataSource.getConnection()) {
            for (int round = 1; ; round++) {
                if (execute(connection, update, parameters) > 0) {
                    return;
                }
                try {
                    execute(connection, insert, parameters);
                    return;
                } catch (SQLException failure) {
                    if (!SqlStates.isDuplicateKey(failure) || round == ROUNDS) {
                        throw failure;
                    }
                }
            }
        } catch (SQLException failure) {
            throw new StoreException(doing, failure);
        }
    }

    private static int execute(Connection connection, String sql, Object[] parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            JdbcSessionTransaction.bind(statement, parameters);
            return statement.executeUpdate();
        }
    }
}
