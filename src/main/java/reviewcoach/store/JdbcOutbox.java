package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import reviewcoach.service.Delivery;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.Outbox;
import reviewcoach.service.Settlement;
import reviewcoach.service.Settlement.Outcome;

/**
 * The outbox table as one courier sees it: messages owed to Slack, a queue per session in which only the oldest may
 * go, claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED} (H2 and PostgreSQL alike) so that couriers sharing the
 * table never take the same delivery. A reaction owed waits in no queue: it has no {@code session_id}, and {@code
 * about_session} names the session it belongs to. Thread-safe.
 */
public final class JdbcOutbox implements Outbox {

    private static final int MAX_ERROR_LENGTH = 200;

    /**
     * True of a delivery that may go: one of a session's queue always may, being its session's oldest (see {@link
     * JdbcSessionTransaction#enqueue}), and so may a reaction owed; a digest (one without any session, a few a week)
     * may when no older digest is still to send or being sent.
     */
    private static final String TURN = "(o.session_id IS NOT NULL OR o.about_session IS NOT NULL"
            + " OR NOT EXISTS (SELECT 1 FROM outbox d WHERE d.session_id IS NULL AND d.about_session IS NULL"
            + " AND d.id < o.id AND d.status IN ('PENDING', 'SENDING')))";

    private static final String COLUMNS =
            "SELECT o.id, o.session_id, o.about_session, o.kind, o.subject, o.status, o.attempts";

    /**
     * Pending deliveries that are due, soonest due first. Only a session's oldest delivery is pending, the rest wait
     * QUEUED behind it, so this walks {@code outbox_due} in order and stops at the limit, however much a session owes.
     * It orders by every column of the index, constant status included: H2 reads an index in order only when the order
     * names its leading columns. It locks nothing: see {@link #claim}.
     */
    private static final String DUE = "SELECT o.id FROM outbox o WHERE o.status = 'PENDING' AND o.not_before <= ? AND "
            + TURN + " ORDER BY o.status, o.not_before, o.id FETCH FIRST ? ROWS ONLY";

    /** Deliveries whose courier's claim ran out (it stopped or hung); each is its session's turn, being sent. */
    private static final String TAKEN_OVER = "SELECT o.id FROM outbox o WHERE o.status = 'SENDING'"
            + " AND o.claimed_until <= ? ORDER BY o.id FETCH FIRST ? ROWS ONLY";

    /** Of the given deliveries, those still due or still taken over, locked; a courier's claims are skipped. */
    private static final String STILL_CLAIMABLE = " AND ((o.status = 'PENDING' AND o.not_before <= ? AND " + TURN
            + ") OR (o.status = 'SENDING' AND o.claimed_until <= ?)) FOR UPDATE SKIP LOCKED";

    /** When the soonest pending delivery whose turn it is becomes due. */
    private static final String NEXT_PENDING =
            "SELECT o.not_before AS due FROM outbox o WHERE o.status = 'PENDING' AND " + TURN
                    + " ORDER BY o.status, o.not_before, o.id FETCH FIRST 1 ROWS ONLY";

    /**
     * Makes a session's oldest queued delivery its turn, once the one before it is settled for good: the first in
     * {@code outbox_queue} (session, status, id), read in index order and not counted through. Run with the session
     * locked, as {@link JdbcSessionTransaction#enqueue} queues one, so that neither misses the other's change.
     */
    private static final String NEXT_IN_QUEUE = "UPDATE outbox SET status = 'PENDING' WHERE id = (SELECT q.id FROM"
            + " outbox q WHERE q.session_id = ? AND q.status = 'QUEUED' ORDER BY q.session_id, q.status, q.id"
            + " FETCH FIRST 1 ROWS ONLY)";

    private static final String MINE = " WHERE id = ? AND status = 'SENDING' AND claimed_by = ?";

    /**
     * How often, at most, a claim looks for deliveries whose claim ran out. Only an instance that stopped or hung leaves
     * those, and they wait out a lease of minutes first; looking at every claim cost a round trip each, for nothing
     * nearly always.
     */
    static final Duration TAKE_OVER_LOOKS = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final Transactions transactions;
    private final String courier;
    private final Duration lease;
    /** When a claim next looks for deliveries whose claim ran out (see {@link #TAKE_OVER_LOOKS}). */
    private volatile Instant nextTakeOverLook = Instant.MIN;

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

    /** How long a claim lasts. */
    public Duration lease() {
        return lease;
    }

    @Override
    public List<Delivery> claimDue(Instant now, int limit) {
        boolean takeOver = !now.isBefore(nextTakeOverLook);
        if (takeOver) {
            nextTakeOverLook = now.plus(TAKE_OVER_LOOKS);
        }
        try {
            return transactions.run(connection -> claim(connection, now, limit, takeOver));
        } catch (SQLException failure) {
            throw new StoreException("claiming deliveries from the outbox", failure);
        }
    }

    /**
     * Finds what to claim, then locks it by id. Both steps are needed: H2 (2.3) reads an index in order for a query
     * that locks only when it is the primary key's, so a locking walk of {@code outbox_due} would lock and sort every
     * due delivery before it took the first few. The lock asks again whether each is claimable, and skips what another
     * courier holds, so couriers sharing the outbox never take the same delivery.
     */
    private List<Delivery> claim(Connection connection, Instant now, int limit, boolean takeOver) throws SQLException {
        List<Long> candidates = takeOver ? ids(connection, TAKEN_OVER, now, limit) : new ArrayList<>();
        if (candidates.size() < limit) {
            candidates.addAll(ids(connection, DUE, now, limit - candidates.size()));
        }
        List<Delivery> claimed = lock(connection, candidates, now);
        if (claimed.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement take = plannedEachRun(
                connection,
                "UPDATE outbox SET status = 'SENDING',"
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

    private static List<Long> ids(Connection connection, String sql, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = plannedEachRun(connection, sql)) {
            select.setObject(1, Rows.timestamp(now));
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Locks those of {@code candidates} that are still claimable, in the candidates' order, counting a claim that ran
     * out as an attempt.
     */
    private static List<Delivery> lock(Connection connection, List<Long> candidates, Instant now) throws SQLException {
        if (candidates.isEmpty()) {
            return new ArrayList<>();
        }
        String ids = String.join(", ", Collections.nCopies(candidates.size(), "?"));
        Map<Long, Delivery> locked = new HashMap<>();
        try (PreparedStatement select =
                plannedEachRun(connection, COLUMNS + " FROM outbox o WHERE o.id IN (" + ids + ")" + STILL_CLAIMABLE)) {
            int parameter = 1;
            for (long id : candidates) {
                select.setLong(parameter++, id);
            }
            select.setObject(parameter++, Rows.timestamp(now));
            select.setObject(parameter, Rows.timestamp(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    boolean claimRanOut = rows.getString("status").equals("SENDING");
                    int attempts = rows.getInt("attempts") + (claimRanOut ? 1 : 0);
                    long session = rows.getLong("session_id");
                    if (rows.wasNull()) {
                        session = rows.getLong("about_session");
                    }
                    Delivery delivery = new Delivery(
                            rows.getLong("id"),
                            session,
                            DeliveryKind.valueOf(rows.getString("kind")),
                            rows.getString("subject"),
                            attempts);
                    locked.put(delivery.id(), delivery);
                }
            }
        }
        List<Delivery> inOrder = new ArrayList<>();
        for (long id : candidates) {
            if (locked.containsKey(id)) {
                inOrder.add(locked.get(id));
            }
        }
        return inOrder;
    }

    @Override
    public int releaseClaims() {
        return update(connection -> {
            try (PreparedStatement statement = plannedEachRun(
                    connection,
                    "UPDATE outbox SET status = 'PENDING',"
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
            if (takenOver != null && takenOver.isBefore(nextTakeOverLook)) {
                takenOver = nextTakeOverLook; // a claim looks for it only then
            }
            if (pending == null || takenOver == null) {
                return Optional.ofNullable(pending == null ? takenOver : pending);
            }
            return Optional.of(pending.isBefore(takenOver) ? pending : takenOver);
        } catch (SQLException failure) {
            throw new StoreException("reading the outbox", failure);
        }
    }

    private static Instant earliest(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = plannedEachRun(connection, sql);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Rows.instant(rows, "due") : null;
        }
    }

    @Override
    public boolean settle(Settlement settlement) {
        int settled;
        try {
            settled = settlement.outcome() == Outcome.SENT
                            && transactions.runAlone(
                                    connection -> sentOutsideAnyQueue(connection, settlement.deliveryId()))
                    ? 1
                    : transactions.run(connection -> settle(connection, settlement));
        } catch (SQLException failure) {
            throw new StoreException("updating the outbox", failure);
        }
        // A delivery that is gone (its session was deleted) needs no settling; one still there was taken over.
        return settled == 1 || !exists(settlement.deliveryId());
    }

    /**
     * Updates a delivery this courier claimed as {@code settlement} says, and returns how many rows that changed (0
     * when it is no longer this courier's). One settled for good passes its session's turn to the next delivery
     * queued behind it; one put back to wait keeps the turn, and its session's later ones wait with it.
     */
    private int settle(Connection connection, Settlement settlement) throws SQLException {
        Outcome outcome = settlement.outcome();
        Long session = outcome.passesTheTurnOn() ? lockSessionOf(connection, settlement.deliveryId()) : null;
        int settled;
        try (PreparedStatement statement = plannedEachRun(connection, settling(outcome) + MINE)) {
            int parameter = 1;
            if (settlement.notBefore() != null) {
                statement.setObject(parameter++, Rows.timestamp(settlement.notBefore()));
            }
            if (outcome == Outcome.RETRY_LATER || outcome == Outcome.FAILED) {
                statement.setString(parameter++, shorten(settlement.error()));
            }
            statement.setLong(parameter++, settlement.deliveryId());
            statement.setString(parameter, courier);
            settled = statement.executeUpdate();
        }
        if (settled == 1 && session != null) {
            try (PreparedStatement next = plannedEachRun(connection, NEXT_IN_QUEUE)) {
                next.setLong(1, session);
                next.executeUpdate();
            }
        }
        return settled;
    }

    /**
     * Deletes a sent delivery that is in no session's queue (a reaction, a digest), which passes no turn on and so
     * needs no session's lock: one statement, where one of a queue takes three.
     */
    private boolean sentOutsideAnyQueue(Connection connection, long deliveryId) throws SQLException {
        try (PreparedStatement statement =
                plannedEachRun(connection, "DELETE FROM outbox" + MINE + " AND session_id IS NULL")) {
            statement.setLong(1, deliveryId);
            statement.setString(2, courier);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * The change each outcome makes, before {@link #MINE}: the time to go next first where there is one, then the
     * error where one is kept. A sent delivery is deleted: nothing more is owed, and the table stays as small as the
     * work still to do, so claiming stays as fast with a year of sessions behind it as on the first day.
     */
    private static String settling(Outcome outcome) {
        return switch (outcome) {
            case SENT -> "DELETE FROM outbox";
            case RETRY_LATER ->
                "UPDATE outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL,"
                        + " attempts = attempts + 1, not_before = ?, last_error = ?";
            case POSTPONED ->
                "UPDATE outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL, not_before = ?";
            case FAILED ->
                "UPDATE outbox SET status = 'FAILED', claimed_until = NULL, attempts = attempts + 1,"
                        + " last_error = ?";
        };
    }

    /**
     * Locks the session of a delivery, before the delivery itself, in the order a session's transactions lock them.
     *
     * @return the session, or null for a delivery without one or one that is gone
     */
    private static Long lockSessionOf(Connection connection, long deliveryId) throws SQLException {
        try (PreparedStatement statement = plannedEachRun(
                connection,
                "SELECT s.id FROM sessions s WHERE s.id = (SELECT o.session_id FROM outbox o WHERE o.id = ?) FOR UPDATE")) {
            statement.setLong(1, deliveryId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private boolean exists(long deliveryId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = plannedEachRun(connection, "SELECT 1 FROM outbox WHERE id = ?")) {
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

    /**
     * A statement over the outbox that PostgreSQL plans afresh at each run, for the table as it is then, rather than
     * once for the connection. The outbox is a queue, empty when quiet and thousands of rows (most of them dead) under
     * load; a vacuum in a quiet moment cuts its file to no pages, and a plan made then, which the driver would keep for
     * the connection until the next vacuum, scans the whole table for each delivery when the load is back
     * (docs/BENCHMARKS.md, stop 21). Elsewhere (H2 plans by its indexes) an ordinary prepared statement.
     */
    static PreparedStatement plannedEachRun(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
