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

    /**
     * True of a delivery with no older one of its session still to send or being sent: it is its session's turn. Each
     * status is looked up on its own, so that both are an exact walk of {@code outbox_pending} (status, session, id).
     * Rows without a session (digests, a few a week) take turns among themselves.
     */
    private static final String IS_HEAD = noOlderOfSession("PENDING") + " AND " + noOlderOfSession("SENDING")
            + " AND (o.session_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM outbox d"
            + " WHERE d.session_id IS NULL AND d.id < o.id AND d.status IN ('PENDING', 'SENDING')))";

    private static final String COLUMNS = "SELECT o.id, o.session_id, o.kind, o.subject, o.status, o.attempts";

    /**
     * Pending deliveries that are due and their session's turn, soonest due first. It walks {@code outbox_due} in order
     * and stops at the limit: a session's later deliveries are due no sooner than its oldest (see {@link
     * #postpone}), so what waits for a busy channel's pace is never walked. It orders by every column of the index,
     * constant status included: H2 reads an index in order only when the order names its leading columns.
     */
    private static final String DUE = COLUMNS + " FROM outbox o WHERE o.status = 'PENDING' AND o.not_before <= ? AND "
            + IS_HEAD + " ORDER BY o.status, o.not_before, o.id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    /** Deliveries whose courier's claim ran out (it stopped or hung); each is its session's turn, being sent. */
    private static final String TAKEN_OVER = COLUMNS + " FROM outbox o WHERE o.status = 'SENDING'"
            + " AND o.claimed_until <= ? ORDER BY o.id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    /** When the soonest pending delivery whose session's turn it is becomes due. */
    private static final String NEXT_PENDING =
            "SELECT o.not_before AS due FROM outbox o WHERE o.status = 'PENDING' AND " + IS_HEAD
                    + " ORDER BY o.status, o.not_before, o.id FETCH FIRST 1 ROWS ONLY";

    /**
     * Moves a session's later pending deliveries to no sooner than its oldest, when that one waits. They could not go
     * before it anyway; this keeps them off the walk of what is due.
     */
    private static final String WAIT_BEHIND = "UPDATE outbox SET not_before = ? WHERE status = 'PENDING'"
            + " AND session_id = (SELECT w.session_id FROM outbox w WHERE w.id = ?) AND id > ? AND not_before < ?";

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

    private static String noOlderOfSession(String status) {
        return "NOT EXISTS (SELECT 1 FROM outbox e WHERE e.status = '" + status + "'"
                + " AND e.session_id = o.session_id AND e.id < o.id)";
    }

    private List<Delivery> claim(Connection connection, Instant now, int limit) throws SQLException {
        List<Delivery> claimed = new ArrayList<>();
        select(connection, TAKEN_OVER, now, limit, claimed);
        if (claimed.size() < limit) {
            select(connection, DUE, now, limit - claimed.size(), claimed);
        }
        if (claimed.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement take = connection.prepareStatement("UPDATE outbox SET status = 'SENDING',"
                + " claimed_by = ?, claimed_until = ?, attempts = ? WHERE id = ?")) {
            OffsetDateTime claimedUntil = Rows.timestamp(now.plus(lease));
            for (Delivery delivery : claimed) {
                take.setString(1, courier);
                take.setObject(2, claimedUntil);
                take.setInt(3, delivery.attempts());
                take.setLong(4, delivery.id());
                take.addBatch();
            }
            take.executeBatch();
        }
        return claimed;
    }

    /** Adds to {@code claimed} what one of the claiming queries finds, locked, counting a lost claim as an attempt. */
    private static void select(Connection connection, String sql, Instant now, int limit, List<Delivery> claimed)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, Rows.timestamp(now));
            select.setInt(2, limit);
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
        }
    }

    @Override
    public int releaseClaims() {
        return update(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE outbox SET status = 'PENDING',"
                    + " claimed_by = NULL, claimed_until = NULL, attempts = attempts + 1"
                    + " WHERE status = 'SENDING' AND claimed_by = ?")) {
                statement.setString(1, courier);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> nextDue() {
        try (Connection connection = dataSource.getConnection()) {
            Instant pending = earliest(connection, NEXT_PENDING);
            Instant takenOver =
                    earliest(connection, "SELECT MIN(o.claimed_until) AS due FROM outbox o WHERE o.status = 'SENDING'");
            if (pending == null || takenOver == null) {
                return Optional.ofNullable(pending == null ? takenOver : pending);
            }
            return Optional.of(pending.isBefore(takenOver) ? pending : takenOver);
        } catch (SQLException failure) {
            throw new StoreException("reading the outbox", failure);
        }
    }

    private static Instant earliest(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Rows.instant(rows, "due") : null;
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
        return settleLater(
                deliveryId,
                notBefore,
                "UPDATE outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL,"
                        + " attempts = attempts + 1, not_before = ?, last_error = ?" + MINE,
                Rows.timestamp(notBefore),
                shorten(error));
    }

    @Override
    public boolean postpone(long deliveryId, Instant notBefore) {
        return settleLater(
                deliveryId,
                notBefore,
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
        int updated = update(connection -> settled(connection, deliveryId, sql, values));
        return updated == 1 || !exists(deliveryId);
    }

    /** As {@link #settle}, for a delivery put back to wait until {@code notBefore}: its session's later ones wait too. */
    private boolean settleLater(long deliveryId, Instant notBefore, String sql, Object... values) {
        int updated = update(connection -> {
            int settled = settled(connection, deliveryId, sql, values);
            if (settled == 1) {
                try (PreparedStatement statement = connection.prepareStatement(WAIT_BEHIND)) {
                    statement.setObject(1, Rows.timestamp(notBefore));
                    statement.setLong(2, deliveryId);
                    statement.setLong(3, deliveryId);
                    statement.setObject(4, Rows.timestamp(notBefore));
                    statement.executeUpdate();
                }
            }
            return settled;
        });
        return updated == 1 || !exists(deliveryId);
    }

    private int settled(Connection connection, long deliveryId, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.setLong(values.length + 1, deliveryId);
            statement.setString(values.length + 2, courier);
            return statement.executeUpdate();
        }
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

    private int update(Transactions.Work<Integer> work) {
        try {
            return transactions.run(work);
        } catch (SQLException failure) {
            throw new StoreException("updating the outbox", failure);
        }
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
