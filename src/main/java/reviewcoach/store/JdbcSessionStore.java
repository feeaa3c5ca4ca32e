package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Session;
import reviewcoach.service.ClaimedDelivery;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.Handover;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.SessionLine;
import reviewcoach.service.SessionStore;
import reviewcoach.service.SessionTransaction;
import reviewcoach.store.JdbcSessionTransaction.CourierHand;

/** Keeps sessions in any JDBC database migrated by {@link Database}. Thread-safe. */
public final class JdbcSessionStore implements SessionStore {

    /** A contribution with its session, by the session's id and the line's message id: {@link #line}. */
    private static final String LINE_WITH_SESSION = "SELECT " + Rows.qualified("s", Rows.SESSION_COLUMNS) + ", "
            + Rows.LINE_COLUMNS + " FROM contributions c JOIN sessions s ON s.id = c.session_id"
            + " WHERE c.session_id = ? AND c.message_id = ?";

    private final DataSource dataSource;
    private final Transactions transactions;
    /** Set by {@link #handReactionsTo}; until then reactions wait in the outbox like every other delivery. */
    private volatile CourierHand hand;
    /** Whether the database writes a line and its answer with one statement (PostgreSQL); read on first use. */
    private volatile Boolean writesTogether;

    /** A store whose changes each commit on their own. */
    public JdbcSessionStore(DataSource dataSource) {
        this(dataSource, Transactions.separate(dataSource));
    }

    /** A store whose changes commit through {@code transactions}; reads use {@code dataSource} directly. */
    public JdbcSessionStore(DataSource dataSource, Transactions transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * From now on, a reaction owed (a {@linkplain DeliveryKind#waitsItsTurn kind that waits for nothing}) is written
     * already claimed by {@code outbox}'s courier when {@code courier} has room for it, and handed to it once its
     * transaction has committed: it goes without a claim's look over the outbox (docs/BENCHMARKS.md, stop 22). Should
     * this instance stop before sending it, its claim runs out and any courier takes it over, as with every claim.
     * Called once, when the courier has started.
     */
    public void handReactionsTo(JdbcOutbox outbox, Handover courier) {
        this.hand = new JdbcSessionTransaction.CourierHand(outbox.courier(), outbox.lease(), courier);
    }

    @Override
    public <T> T inTransaction(Function<SessionTransaction, T> work) {
        return handingOver(claimed -> transactions.run(new ServiceWork<>(work, claimed, null)), "committing a change");
    }

    /**
     * As {@link #inSessionTransaction}; on PostgreSQL a group commit claims the event and locks the session for this
     * work and the rest of its group in one round trip ({@link ClaimsAhead}).
     */
    @Override
    public <T> T inEventTransaction(String eventId, Instant now, long sessionId, Function<SessionTransaction, T> work) {
        return inSession(sessionId, new ClaimsAhead.EventClaim(eventId, now, sessionId), work);
    }

    @Override
    public <T> T inSessionTransaction(long sessionId, Function<SessionTransaction, T> work) {
        return inSession(sessionId, null, work);
    }

    private <T> T inSession(long sessionId, ClaimsAhead.EventClaim claim, Function<SessionTransaction, T> work) {
        return handingOver(
                claimed -> transactions.run(sessionId, new ServiceWork<>(work, claimed, claim)),
                "committing a change to session " + sessionId);
    }

    /**
     * Runs a commit, then hands the reactions it wrote claimed to the courier; if it fails, their room is released. Its
     * SQL failure is wrapped with what was being done.
     */
    private <T> T handingOver(Commit<T> commit, String doing) {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        try {
            T result = commit.run(claimed);
            if (!claimed.isEmpty()) {
                hand.handover().take(claimed); // the hand is set: the transaction that wrote them saw it
            }
            return result;
        } catch (SQLException failure) {
            release(claimed);
            throw new StoreException(doing, failure);
        } catch (RuntimeException | Error failure) {
            release(claimed);
            throw failure;
        }
    }

    /**
     * The service's work on a connection, with the claim it makes first ({@code claim}, or null), which a group commit
     * may make ahead. The reactions it writes claimed are in {@code claimed}, from its last run only: a group commit may
     * run a piece again, and a run that throws keeps none (their room is released).
     */
    private final class ServiceWork<T> implements Transactions.Work<T>, ClaimsAhead.Claiming {
        private final Function<SessionTransaction, T> work;
        private final List<ClaimedDelivery> claimed;
        private final ClaimsAhead.EventClaim claim;

        ServiceWork(Function<SessionTransaction, T> work, List<ClaimedDelivery> claimed, ClaimsAhead.EventClaim claim) {
            this.work = work;
            this.claimed = claimed;
            this.claim = claim;
        }

        /** Its claim, where a group can make it ahead: on PostgreSQL, once the store knows it is on it. */
        @Override
        public ClaimsAhead.EventClaim claim() {
            return Boolean.TRUE.equals(writesTogether) ? claim : null;
        }

        @Override
        public T run(Connection connection) throws SQLException {
            return runIn(connection, null);
        }

        @Override
        public T run(Connection connection, GroupRun group) throws SQLException {
            return runIn(connection, group);
        }

        private T runIn(Connection connection, GroupRun group) throws SQLException {
            release(claimed);
            try {
                return work.apply(
                        new JdbcSessionTransaction(connection, writesTogether(connection), hand, claimed, group));
            } catch (RuntimeException | Error failure) {
                release(claimed);
                throw failure;
            }
        }
    }

    private boolean writesTogether(Connection connection) throws SQLException {
        Boolean known = writesTogether;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            writesTogether = known;
        }
        return known;
    }

    /** Releases the room reserved for {@code claimed}, which will not be handed over, and empties it. */
    private void release(List<ClaimedDelivery> claimed) {
        if (!claimed.isEmpty()) {
            hand.handover().release(claimed.size());
            claimed.clear();
        }
    }

    private interface Commit<T> {
        T run(List<ClaimedDelivery> claimed) throws SQLException;
    }

    @Override
    public Optional<Session> find(long sessionId) {
        return querySession("SELECT " + Rows.SESSION_COLUMNS + " FROM sessions WHERE id = ?", sessionId);
    }

    @Override
    public Optional<Session> findByThread(String channel, String thread) {
        return querySession(
                "SELECT " + Rows.SESSION_COLUMNS + " FROM sessions WHERE channel = ? AND thread = ?", channel, thread);
    }

    @Override
    public List<Contribution> contributions(long sessionId) {
        String sql = "SELECT " + Rows.CONTRIBUTION_COLUMNS + " FROM contributions WHERE session_id = ? ORDER BY id";
        return query("reading contributions of session " + sessionId, sql, Rows::contribution, sessionId);
    }

    @Override
    public Optional<Contribution> contribution(long sessionId, String messageId) {
        String sql =
                "SELECT " + Rows.CONTRIBUTION_COLUMNS + " FROM contributions WHERE session_id = ? AND message_id = ?";
        return query("reading a contribution of session " + sessionId, sql, Rows::contribution, sessionId, messageId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<String> noticeUrl(long sessionId) {
        return sessionColumn("notice_url", sessionId);
    }

    @Override
    public Optional<String> shareChannel(long sessionId) {
        return sessionColumn("share_channel", sessionId);
    }

    /** One optional text column of a session; the column name is ours, never a caller's input. */
    private Optional<String> sessionColumn(String column, long sessionId) {
        return query(
                        "reading " + column + " of session " + sessionId,
                        "SELECT " + column + " FROM sessions WHERE id = ?",
                        row -> Optional.ofNullable(row.getString(1)),
                        sessionId)
                .stream()
                .findFirst()
                .flatMap(value -> value);
    }

    @Override
    public List<Session> recentInChannel(String workspace, String channel, int limit) {
        String sql = "SELECT " + Rows.SESSION_COLUMNS + " FROM sessions WHERE workspace = ? AND channel = ?"
                + " ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
        return query("reading the sessions of a channel", sql, Rows::session, workspace, channel, limit);
    }

    @Override
    public List<PostedMessage> postedMessages(long sessionId) {
        return query(
                "reading the messages of session " + sessionId,
                "SELECT channel, message_id FROM bot_messages WHERE session_id = ?",
                row -> new PostedMessage(row.getString("channel"), row.getString("message_id")),
                sessionId);
    }

    /**
     * Commits through {@link #transactions}, with the session's other changes: on H2 a commit of its own is a write to
     * its file of its own, and the courier records every message it posts. A message already recorded stays as it is.
     */
    @Override
    public void recordPosted(long sessionId, PostedMessage message) {
        try {
            inSessionTransaction(sessionId, tx -> {
                tx.recordPosted(sessionId, message);
                return null;
            });
        } catch (StoreException failure) {
            if (!SqlStates.isDuplicateKey(failure)) {
                throw failure;
            }
        }
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        List<Long> expired = query(
                "finding expired sessions",
                "SELECT id FROM sessions WHERE status = 'FINISHED' AND finished_at < ?",
                row -> row.getLong(1),
                Rows.timestamp(cutoff));
        return inTransaction(tx -> {
            expired.forEach(tx::deleteSession);
            return expired.size();
        });
    }

    @Override
    public int forgetEventsBefore(Instant cutoff) {
        return update(
                "forgetting old events", "DELETE FROM processed_events WHERE handled_at < ?", Rows.timestamp(cutoff));
    }

    @Override
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }

    @Override
    public Optional<SessionLine> line(long sessionId, String messageId) {
        return query(
                        "reading a contribution of session " + sessionId,
                        LINE_WITH_SESSION,
                        row -> new SessionLine(Rows.session(row), Rows.line(row)),
                        sessionId,
                        messageId)
                .stream()
                .findFirst();
    }

    private <T> List<T> query(String doing, String sql, Queries.RowReader<T> reader, Object... parameters) {
        return Queries.list(dataSource, doing, sql, reader, parameters);
    }

    private int update(String doing, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new StoreException(doing, failure);
        }
    }

    private Optional<Session> querySession(String sql, Object... parameters) {
        return query("reading a session", sql, Rows::session, parameters).stream()
                .findFirst();
    }
}
