package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs one read on a connection of its own and reads every row it returns, or one change and counts the rows it
 * changed. Thread-safe.
 */
final class Queries {

    /** Reads one row into a value. */
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Queries() {}

    /**
     * @param doing what the read is for, said in the {@link StoreException} when it fails
     */
    static <T> List<T> list(
            DataSource dataSource, String doing, String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(reader.read(rows));
                }
                return values;
            }
        } catch (SQLException failure) {
            throw new StoreException(doing, failure);
        }
    }

    /**
     * Runs one change (an {@code UPDATE} or {@code DELETE}) in a transaction of its own.
     *
     * @param doing what the change is for, said in the {@link StoreException} when it fails
     * @return how many rows it changed
     */
    static int update(DataSource dataSource, String doing, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            JdbcSessionTransaction.bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new StoreException(doing, failure);
        }
    }
}
