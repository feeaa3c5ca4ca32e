package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import reviewcoach.service.Delivery;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.Outbox;

/**
 * The outbox table as one courier sees it: messages owed to Slack, oldest first per session, claimed with {@code
 * SELECT ... FOR UPDATE SKIP LOCKED} (H2 and PostgreSQL alike) so that couriers sharing the table never take the same
 * delivery. Thread-safe.
 */
public final class JdbcOutbox implements Outbox {

    private static final int MAX_ERROR_LENGTH = 200;

    /** The oldest delivery of each session that still has one to send or being sent. */
    private static final String HEADS =
            "SELECT MIN(h.id) FROM outbox h WHERE h.status IN ('PENDING', 'SENDING') GROUP BY h.session_id";

    private static final String CLAIMABLE = "SELECT o.id, o.session_id, o.kind, o.subject, o.status, o.attempts"
            + " FROM outbox o WHERE o.id IN (" + HEADS + ")"
            + " AND ((o.status = 'PENDING' AND o.not_before <= ?) OR (o.status = 'SENDING' AND o.claimed_until <= ?))"
            + " ORDER BY o.id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    private static final String MINE = " WHERE id = ? AND status = 'SENDING' AND claimed_by = ?";

    private final DataSource dataSource;
    private final Transactions transactions;
    private final String courier;
    private final Duration lease;

    /**
     * @param courier the name of the courier claiming through this outbox; unique among the running instances
     * @param lease how long a claim lasts; longer than any one delivery takes, Slack's time-outs included
     */
    public JdbcOutbox(DataSource dataSource, String courier, Duration lease) {
        this(dataSource, Transactions.separate(dataSource), courier, lease);
    }

    /** As above, with changes committed through {@code transactions} and reads made on {@code dataSource}. */
    public JdbcOutbox(DataSource dataSource, Transactions transactions, String courier, Duration lease) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.courier = Objects.requireNonNull(courier, "courier");
        this.lease = Objects.requireNonNull(lease, "lease");
    }

    /** The name this outbox claims deliveries under. */
    public String courier() {
        return courier;
    }

    @Override
    public List<Delivery> claimDue(Instant now, int limit) {
        try {
            return transactions.run(connection -> claim(connection, now, limit));
        } catch (SQLException failure) {
            throw new StoreException("claiming deliveries from the outbox", failure);
        }
    }

    private List<Delivery> claim(Connection connection, Instant now, int limit) throws SQLException {
        List<Delivery> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIMABLE);
                PreparedStatement take = connection.prepareStatement("UPDATE outbox SET status = 'SENDING',"
                        + " claimed_by = ?, claimed_until = ?, attempts = ? WHERE id = ?")) {
            select.setObject(1, Rows.timestamp(now));
            select.setObject(2, Rows.timestamp(now));
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    boolean claimRanOut = rows.getString("status").equals("SENDING");
                    int attempts = rows.getInt("attempts") + (claimRanOut ? 1 : 0);
                    claimed.add(new Delivery(
                            rows.getLong("id"),
                            rows.getLong("session_id"),
                            DeliveryKind.valueOf(rows.getString("kind")),
                            rows.getString("subject"),
                            attempts));
                }
            }
            OffsetDateTime claimedUntil = Rows.timestamp(now.plus(lease));
            for (Delivery delivery : claimed) {
                take.setString(1, courier);
                take.setObject(2, claimedUntil);
                take.setInt(3, delivery.attempts());
                take.setLong(4, delivery.id());
                take.addBatch();
            }
            if (!claimed.isEmpty()) {
                take.executeBatch();
            }
        }
        return claimed;
    }

    @Override
    public int releaseClaims() {
        return update(
                "UPDATE outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL,"
                        + " attempts = attempts + 1 WHERE status = 'SENDING' AND claimed_by = ?",
                statement -> statement.setString(1, courier));
    }

    @Override
    public Optional<Instant> nextDue() {
        String sql = "SELECT MIN(CASE WHEN o.status = 'PENDING' THEN o.not_before ELSE o.claimed_until END) AS due"
                + " FROM outbox o WHERE o.id IN (" + HEADS + ")";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return Optional.ofNullable(Rows.instant(rows, "due"));
        } catch (SQLException failure) {
            throw new StoreException("reading the outbox", failure);
        }
    }

    @Override
    public boolean markSent(long deliveryId) {
        // A sent delivery is owed nothing more: deleting it keeps the table as small as the work still to do, so
        // claiming stays as fast with a year of sessions behind it as on the first day.
        return settle(deliveryId, "DELETE FROM outbox" + MINE);
    }

    @Override
    public boolean retryLater(long deliveryId, Instant notBefore, String error) {
        return settle(
                deliveryId,
                "UPDATE outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL,"
                        + " attempts = attempts + 1, not_before = ?, last_error = ?" + MINE,
                Rows.timestamp(notBefore),
                shorten(error));
    }

    @Override
    public boolean postpone(long deliveryId, Instant notBefore) {
        return settle(
                deliveryId,
                "UPDATE outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL, not_before = ?" + MINE,
                Rows.timestamp(notBefore));
    }

    @Override
    public boolean markFailed(long deliveryId, String error) {
        return settle(
                deliveryId,
                "UPDATE outbox SET status = 'FAILED', claimed_until = NULL, attempts = attempts + 1, last_error = ?"
                        + MINE,
                shorten(error));
    }

    /**
     * Runs an update of a delivery this courier claimed ({@link #MINE} ends it, taking the id and the courier after
     * the given values). A delivery that is gone (its session was deleted) needs no settling; one that is still there
     * but no longer this courier's was taken over.
     */
    private boolean settle(long deliveryId, String sql, Object... values) {
        int updated = update(sql, statement -> {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.setLong(values.length + 1, deliveryId);
            statement.setString(values.length + 2, courier);
        });
        return updated == 1 || !exists(deliveryId);
    }

    private boolean exists(long deliveryId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM outbox WHERE id = ?")) {
            statement.setLong(1, deliveryId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException failure) {
            throw new StoreException("reading the outbox", failure);
        }
    }

    /** Sets the parameters of one statement. */
    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Parameters parameters) {
        try {
            return transactions.run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    parameters.bind(statement);
                    return statement.executeUpdate();
                }
            });
        } catch (SQLException failure) {
            throw new StoreException("updating the outbox", failure);
        }
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
