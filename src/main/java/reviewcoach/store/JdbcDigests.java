package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import javax.sql.DataSource;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.DigestAddress;
import reviewcoach.service.DigestQueue;

/**
 * Digests in the outbox, with no session of their own; a weekly one claimed by a row in {@code digests} inserted in
 * the same transaction, whose primary key (channel, week) turns a second claim into SQLState 23505. Thread-safe.
 */
public final class JdbcDigests implements DigestQueue {

    private final DataSource dataSource;

    public JdbcDigests(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean claimWeek(DigestAddress to, LocalDate week, Instant periodEnd, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement claim = connection.prepareStatement(
                        "INSERT INTO digests (channel, week, period_end, claimed_at) VALUES (?, ?, ?, ?)")) {
                    claim.setString(1, to.channel());
                    claim.setObject(2, week);
                    claim.setObject(3, Rows.timestamp(periodEnd));
                    claim.setObject(4, Rows.timestamp(now));
                    claim.executeUpdate();
                }
                enqueue(connection, to, periodEnd, now);
                connection.commit();
                return true;
            } catch (SQLException failure) {
                connection.rollback();
                if (SqlStates.isDuplicateKey(failure)) {
                    return false;
                }
                throw failure;
            } catch (RuntimeException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException failure) {
            throw new StoreException("claiming the weekly digest", failure);
        }
    }

    @Override
    public void queueNow(DigestAddress to, Instant periodEnd, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            enqueue(connection, to, periodEnd, now);
        } catch (SQLException failure) {
            throw new StoreException("queueing a digest", failure);
        }
    }

    private static void enqueue(Connection connection, DigestAddress to, Instant periodEnd, Instant now)
            throws SQLException {
        try (PreparedStatement queue = connection.prepareStatement(
                "INSERT INTO outbox (session_id, kind, subject, status, attempts, not_before, created_at)"
                        + " VALUES (NULL, ?, ?, 'PENDING', 0, ?, ?)")) {
            queue.setString(1, DeliveryKind.DIGEST.name());
            queue.setString(2, to.subject(periodEnd));
            queue.setObject(3, Rows.timestamp(now));
            queue.setObject(4, Rows.timestamp(now));
            queue.executeUpdate();
        }
    }
}
