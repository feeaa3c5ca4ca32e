package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import reviewcoach.service.Delivery;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.Outbox;

/** The outbox table: messages owed to Slack, oldest first per session. Thread-safe. */
public final class JdbcOutbox implements Outbox {

    private static final int MAX_ERROR_LENGTH = 200;

    private final DataSource dataSource;

    public JdbcOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Delivery> dueHeads(Instant now, int limit) {
        String sql = "SELECT o.id, o.session_id, o.kind, o.subject, o.attempts FROM outbox o"
                + " WHERE o.id IN (SELECT MIN(p.id) FROM outbox p WHERE p.status = 'PENDING' GROUP BY p.session_id)"
                + " AND o.not_before <= ? ORDER BY o.id FETCH FIRST ? ROWS ONLY";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<Delivery> due = new ArrayList<>();
                while (rows.next()) {
                    due.add(new Delivery(
                            rows.getLong("id"),
                            rows.getLong("session_id"),
                            DeliveryKind.valueOf(rows.getString("kind")),
                            rows.getString("subject"),
                            rows.getInt("attempts")));
                }
                return due;
            }
        } catch (SQLException failure) {
            throw new StoreException("reading the outbox", failure);
        }
    }

    @Override
    public Optional<Instant> nextDue() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT MIN(not_before) FROM outbox WHERE status = 'PENDING'");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            Timestamp next = rows.getTimestamp(1);
            return next == null ? Optional.empty() : Optional.of(next.toInstant());
        } catch (SQLException failure) {
            throw new StoreException("reading the outbox", failure);
        }
    }

    @Override
    public void markSent(long deliveryId) {
        update("UPDATE outbox SET status = 'SENT', last_error = NULL WHERE id = ?", statement -> {
            statement.setLong(1, deliveryId);
        });
    }

    @Override
    public void retryLater(long deliveryId, Instant notBefore, String error) {
        update("UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(notBefore));
            statement.setString(2, shorten(error));
            statement.setLong(3, deliveryId);
        });
    }

    @Override
    public void markFailed(long deliveryId, String error) {
        update(
                "UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?",
                statement -> {
                    statement.setString(1, shorten(error));
                    statement.setLong(2, deliveryId);
                });
    }

    /** Sets the parameters of one statement. */
    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            statement.executeUpdate();
        } catch (SQLException failure) {
            throw new StoreException("updating the outbox", failure);
        }
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
