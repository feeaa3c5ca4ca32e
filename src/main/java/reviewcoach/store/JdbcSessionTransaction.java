package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.SessionStatus;
import reviewcoach.dialogue.Step;
import reviewcoach.service.ActionItemTransaction;
import reviewcoach.service.AlreadyHandled;
import reviewcoach.service.ClaimedDelivery;
import reviewcoach.service.Delivery;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.Handover;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.SessionTransaction;

/** The service's changes, as SQL on one connection inside one transaction. Not thread-safe. */
final class JdbcSessionTransaction implements SessionTransaction {

    private static final String BEFORE_FIRST_CHANGE = "before_first_change";

    private static final String CLAIM_EVENT = "INSERT INTO processed_events (event_id, handled_at) VALUES (?, ?)";
    private static final String LOCK = "SELECT " + Rows.SESSION_COLUMNS + " FROM sessions WHERE id = ? FOR UPDATE";

    private final Connection connection;
    /**
     * Whether writes that go together are sent as one statement (PostgreSQL: a data-modifying {@code WITH}), rather
     * than one after another (H2, which has no such statement). On PostgreSQL every statement is a round trip, made
     * while the session is locked and, in a group commit, while every later piece of the group waits.
     */
    private final boolean writesTogether;
    /** The courier a reaction owed is claimed for as it is written; null to leave reactions pending in the outbox. */
    private final CourierHand hand;
    /** Sessions this transaction holds: locked, or created by it and so seen by no other. */
    private final Set<Long> held = new HashSet<>();
    /** Reactions written claimed for {@link #hand}'s courier, to hand to it once this transaction commits. */
    private final List<ClaimedDelivery> claimed;
    /**
     * A group commit's writes held back to go with the next statement (PostgreSQL only); null where every write is sent
     * as it is made.
     */
    private final HeldWrites heldWrites;
    /** The claims a group commit made ahead of its pieces (PostgreSQL only). */
    private final ClaimsAhead claimsAhead;

    private boolean owesWaitingDeliveries;

    JdbcSessionTransaction(Connection connection, boolean writesTogether, CourierHand hand) {
        this(connection, writesTogether, hand, new ArrayList<>(), null);
    }

    /**
     * A transaction that adds the reactions it writes claimed to {@code claimed} (some of them only once the group's
     * held writes are sent). As a piece of a group commit ({@code group} not null) on PostgreSQL, it may hold a line's
     * writes back and find its claim made ahead.
     */
    JdbcSessionTransaction(
            Connection connection,
            boolean writesTogether,
            CourierHand hand,
            List<ClaimedDelivery> claimed,
            GroupRun group) {
        this.connection = connection;
        this.writesTogether = writesTogether;
        this.hand = hand;
        this.claimed = claimed;
        boolean grouped = writesTogether && group != null;
        this.heldWrites = grouped ? group.held() : null;
        this.claimsAhead = grouped ? group.ahead() : ClaimsAhead.none();
    }

    /** The courier a reaction owed is written claimed by, for how long, and where it is handed over. */
    record CourierHand(String courier, Duration lease, Handover handover) {}

    @Override
    public void claimEvent(String eventId, Instant now) {
        try {
            execute(CLAIM_EVENT, eventId, Rows.timestamp(now));
        } catch (SQLException failure) {
            throw claimFailure(eventId, "recording a handled event", failure);
        }
    }

    /** On PostgreSQL the event's claim and the session's lock in one statement; elsewhere one after the other. */
    @Override
    public Optional<Session> claimEventAndLock(String eventId, Instant now, long sessionId) {
        if (claimsAhead.hasEvent(eventId)) {
            return claimedAhead(eventId, sessionId);
        }
        if (!writesTogether) {
            claimEvent(eventId, now);
            return lock(sessionId);
        }
        try {
            return lockOne("WITH handled AS (" + CLAIM_EVENT + ") " + LOCK, eventId, Rows.timestamp(now), sessionId);
        } catch (SQLException failure) {
            throw claimFailure(eventId, "recording a handled event and locking its session", failure);
        }
    }

    /** The claim its group made ahead; the session is locked and read here only when it was not read ahead for it. */
    private Optional<Session> claimedAhead(String eventId, long sessionId) {
        if (!claimsAhead.takeEvent(eventId)) {
            throw new AlreadyHandled(eventId);
        }
        Optional<Session> session = claimsAhead.session(sessionId);
        if (session == null) {
            return lock(sessionId);
        }
        session.ifPresent(found -> held.add(found.id()));
        return session;
    }

    private static RuntimeException claimFailure(String eventId, String doing, SQLException failure) {
        return SqlStates.isDuplicateKey(failure) ? new AlreadyHandled(eventId) : new StoreException(doing, failure);
    }

    @Override
    public Session createSession(
            String workspace, String channel, String starter, Review review, String noticeUrl, Instant now) {
        String sql = "INSERT INTO sessions (workspace, channel, starter, review_text, review_source, review_rating,"
                + " step, status, notice_url, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = prepare(sql, Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, workspace);
            statement.setString(2, channel);
            statement.setString(3, starter);
            statement.setString(4, storable(review.text()));
            statement.setString(5, storable(review.source()));
            if (review.rating() == null) {
                statement.setNull(6, Types.SMALLINT);
            } else {
                statement.setInt(6, review.rating());
            }
            statement.setString(7, Step.first().name());
            statement.setString(8, SessionStatus.OPENING.name());
            statement.setString(9, noticeUrl);
            statement.setObject(10, Rows.timestamp(now));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                held.add(id);
                return Session.opening(id, workspace, channel, starter, review, now);
            }
        } catch (SQLException failure) {
            throw new StoreException("creating a session", failure);
        }
    }

    @Override
    public void setShareChannel(long sessionId, String channel) {
        claimsAhead.changed(sessionId);
        update("remembering where to share", "UPDATE sessions SET share_channel = ? WHERE id = ?", channel, sessionId);
    }

    @Override
    public Optional<Session> lock(long sessionId) {
        return locked(LOCK, sessionId);
    }

    @Override
    public Optional<Session> lockByThread(String channel, String thread) {
        return locked(
                "SELECT " + Rows.SESSION_COLUMNS + " FROM sessions WHERE channel = ? AND thread = ? FOR UPDATE",
                channel,
                thread);
    }

    @Override
    public void save(Session session) {
        claimsAhead.changed(session.id());
        update(
                "saving a session",
                "UPDATE sessions SET channel = ?, thread = ?, step = ?, status = ?, finished_at = ?, chosen_thought = ?,"
                        + " believability = ? WHERE id = ?",
                session.channel(),
                session.thread(),
                session.step().name(),
                session.status().name(),
                Rows.timestamp(session.finishedAt()),
                session.chosenThought(),
                session.believability(),
                session.id());
    }

    /**
     * Locks the session first, as everything else that changes its deliveries does, then removes it and all it has.
     * Its reactions owed are found without an index ({@code about_session}): the outbox holds only what is still owed,
     * and a session is deleted far less often than a reaction is owed.
     */
    @Override
    public void deleteSession(long sessionId) {
        claimsAhead.changed(sessionId);
        hold(sessionId);
        pictureChanged(sessionId);
        update("deleting deliveries", "DELETE FROM outbox WHERE session_id = ?", sessionId);
        update("deleting reactions owed", "DELETE FROM outbox WHERE about_session = ?", sessionId);
        update("deleting posted messages", "DELETE FROM bot_messages WHERE session_id = ?", sessionId);
        update("deleting contributions", "DELETE FROM contributions WHERE session_id = ?", sessionId);
        update("deleting a session", "DELETE FROM sessions WHERE id = ?", sessionId);
    }

    @Override
    public Optional<Contribution> findContribution(long sessionId, String messageId) {
        String sql = "SELECT " + Rows.CONTRIBUTION_COLUMNS
                + " FROM contributions WHERE session_id = ? AND message_id = ? FOR UPDATE";
        try (PreparedStatement statement = prepare(sql)) {
            statement.setLong(1, sessionId);
            statement.setString(2, messageId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Rows.contribution(rows)) : Optional.empty();
            }
        } catch (SQLException failure) {
            throw new StoreException("reading a contribution", failure);
        }
    }

    @Override
    public List<Contribution> contributions(long sessionId) {
        String sql = "SELECT " + Rows.CONTRIBUTION_COLUMNS + " FROM contributions WHERE session_id = ? ORDER BY id";
        try (PreparedStatement statement = prepare(sql)) {
            statement.setLong(1, sessionId);
            try (ResultSet rows = statement.executeQuery()) {
                List<Contribution> contributions = new ArrayList<>();
                while (rows.next()) {
                    contributions.add(Rows.contribution(rows));
                }
                return contributions;
            }
        } catch (SQLException failure) {
            throw new StoreException("reading contributions of session " + sessionId, failure);
        }
    }

    @Override
    public void recordPosted(long sessionId, PostedMessage message) {
        update(
                "remembering a posted message",
                "INSERT INTO bot_messages (session_id, channel, message_id) VALUES (?, ?, ?)",
                sessionId,
                message.channel(),
                message.messageId());
    }

    @Override
    public List<PostedMessage> postedMessages(long sessionId) {
        try (PreparedStatement statement =
                prepare("SELECT channel, message_id FROM bot_messages WHERE session_id = ?")) {
            statement.setLong(1, sessionId);
            try (ResultSet rows = statement.executeQuery()) {
                List<PostedMessage> posted = new ArrayList<>();
                while (rows.next()) {
                    posted.add(new PostedMessage(rows.getString(1), rows.getString(2)));
                }
                return posted;
            }
        } catch (SQLException failure) {
            throw new StoreException("reading the messages of session " + sessionId, failure);
        }
    }

    @Override
    public void addContribution(long sessionId, Contribution contribution) {
        holdExisting(sessionId);
        update(line(sessionId, contribution));
    }

    /**
     * On PostgreSQL the line and what answers it are written by one statement, held back to go with the next statement
     * of a group commit when there is one; elsewhere one after the other.
     */
    @Override
    public void addContribution(long sessionId, Contribution contribution, DeliveryKind answer, Instant now) {
        holdExisting(sessionId);
        if (writesTogether) {
            owe(sessionId, answer, contribution.messageId(), now, line(sessionId, contribution), heldWrites);
        } else {
            update(line(sessionId, contribution));
            owe(sessionId, answer, contribution.messageId(), now, null, null);
        }
    }

    private static Write line(long sessionId, Contribution contribution) {
        return new Write(
                "adding a contribution",
                "INSERT INTO contributions (session_id, " + Rows.CONTRIBUTION_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                sessionId,
                contribution.messageId(),
                contribution.step().name(),
                contribution.author(),
                contribution.text(),
                Rows.quotedJson(contribution.concern()),
                Rows.reason(contribution.concern()),
                Rows.timestamp(contribution.writtenAt()));
    }

    @Override
    public void replaceContribution(long sessionId, Contribution contribution) {
        update(
                "changing a contribution",
                "UPDATE contributions SET text = ?, concern_quoted = ?, concern_reason = ?, written_at = ?"
                        + " WHERE session_id = ? AND message_id = ?",
                contribution.text(),
                Rows.quotedJson(contribution.concern()),
                Rows.reason(contribution.concern()),
                Rows.timestamp(contribution.writtenAt()),
                sessionId,
                contribution.messageId());
        pictureChanged(sessionId);
    }

    @Override
    public void removeContribution(long sessionId, String messageId) {
        update(
                "removing a contribution",
                "DELETE FROM contributions WHERE session_id = ? AND message_id = ?",
                sessionId,
                messageId);
        pictureChanged(sessionId);
    }

    /**
     * Something already counted in the session's workspace is taken back (see V15): one more change there. The row is
     * made by the first change; when another transaction makes it first, its insert fails inside a savepoint (so that
     * PostgreSQL keeps this transaction going) and the change is added to theirs. The savepoint has its own name:
     * {@link GroupCommit} may run this whole transaction inside one of its own.
     */
    private void pictureChanged(long sessionId) {
        String bump = "UPDATE picture_changes SET changes = changes + 1"
                + " WHERE workspace = (SELECT workspace FROM sessions WHERE id = ?)";
        try {
            if (execute(bump, sessionId) > 0) {
                return;
            }
            Savepoint beforeInsert = connection.setSavepoint(BEFORE_FIRST_CHANGE);
            try {
                execute(
                        "INSERT INTO picture_changes (workspace, changes) SELECT workspace, 1 FROM sessions WHERE id = ?",
                        sessionId);
                connection.releaseSavepoint(beforeInsert);
            } catch (SQLException failure) {
                if (!SqlStates.isDuplicateKey(failure)) {
                    throw failure;
                }
                connection.rollback(beforeInsert);
                execute(bump, sessionId);
            }
        } catch (SQLException failure) {
            throw new StoreException("noting a change to the month's picture", failure);
        }
    }

    private int execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /**
     * Queues a message behind what the session already owes: it is the session's turn ({@code PENDING}) when the
     * session owes nothing else, and waits {@code QUEUED} otherwise, until {@link JdbcOutbox} passes the turn on. The
     * session is held locked (as the courier locks it to pass the turn) so that neither misses the other's change. A
     * kind that {@linkplain DeliveryKind#waitsItsTurn waits for nothing} is due at once, outside the session's queue.
     */
    @Override
    public void enqueue(long sessionId, DeliveryKind kind, String subject, Instant notBefore) {
        holdExisting(sessionId);
        owe(sessionId, kind, subject, notBefore, null, null);
    }

    /**
     * Writes a delivery owed, as {@link #enqueue} says, with the session held; {@code first}, when there is one, is
     * written by the same statement, before it. The statement is held back in {@code holding}, when not null.
     */
    private void owe(
            long sessionId, DeliveryKind kind, String subject, Instant notBefore, Write first, HeldWrites holding) {
        if (!kind.waitsItsTurn() && hand != null && hand.handover().reserve()) {
            claimForHand(sessionId, kind, subject, notBefore, first, holding);
            return;
        }
        owesWaitingDeliveries = true;
        Write owed = kind.waitsItsTurn()
                ? new Write(
                        "queueing a message for Slack",
                        "INSERT INTO outbox (session_id, kind, subject, status, attempts, not_before, created_at)"
                                + " VALUES (?, ?, ?, CASE WHEN " + owes("QUEUED") + " OR " + owes("PENDING")
                                + " OR " + owes("SENDING") + " THEN 'QUEUED' ELSE 'PENDING' END, 0, ?, ?)",
                        sessionId,
                        kind.name(),
                        subject,
                        sessionId,
                        sessionId,
                        sessionId,
                        Rows.timestamp(notBefore),
                        Rows.timestamp(notBefore))
                : new Write(
                        "owing a reaction to Slack",
                        "INSERT INTO outbox (about_session, kind, subject, status, attempts, not_before, created_at)"
                                + " VALUES (?, ?, ?, 'PENDING', 0, ?, ?)",
                        sessionId,
                        kind.name(),
                        subject,
                        Rows.timestamp(notBefore),
                        Rows.timestamp(notBefore));
        if (holding == null) {
            update(owed.after(first));
        } else {
            holding.hold(owed.after(first), false, HeldWrites.Fate.NOTHING_TO_DO);
        }
    }

    /**
     * Writes a reaction owed already claimed by {@link #hand}'s courier, which is given it once this transaction commits
     * ({@link #claimed}): it is sent without the courier looking for it in the outbox. Room for it is reserved.
     */
    private void claimForHand(
            long sessionId, DeliveryKind kind, String subject, Instant now, Write first, HeldWrites holding) {
        Instant claimedUntil = now.plus(hand.lease());
        Write owed = new Write(
                "owing a reaction to Slack",
                "INSERT INTO outbox (about_session, kind, subject, status, claimed_by, claimed_until, attempts,"
                        + " not_before, created_at) VALUES (?, ?, ?, 'SENDING', ?, ?, 0, ?, ?)",
                sessionId,
                kind.name(),
                subject,
                hand.courier(),
                Rows.timestamp(claimedUntil),
                Rows.timestamp(now),
                Rows.timestamp(now));
        Write write = owed.after(first);
        if (holding != null) {
            holding.hold(
                    new Write(write.doing(), write.sql() + " RETURNING id", write.parameters()),
                    true,
                    new HeldWrites.Fate() {
                        @Override
                        public void sent(long id) {
                            claimed.add(
                                    new ClaimedDelivery(new Delivery(id, sessionId, kind, subject, 0), claimedUntil));
                        }

                        @Override
                        public void lost() {
                            hand.handover().release(1);
                        }
                    });
            return;
        }
        try (PreparedStatement statement = prepare(write.sql(), new String[] {"id"})) {
            bind(statement, write.parameters());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                claimed.add(
                        new ClaimedDelivery(new Delivery(keys.getLong(1), sessionId, kind, subject, 0), claimedUntil));
            }
        } catch (SQLException failure) {
            hand.handover().release(1);
            throw new StoreException(write.doing(), failure);
        }
    }

    /**
     * The reactions this transaction wrote claimed for its courier, each with room reserved: handed over once it has
     * committed, or their room released if it does not.
     */
    List<ClaimedDelivery> claimed() {
        return claimed;
    }

    @Override
    public boolean owesWaitingDeliveries() {
        return owesWaitingDeliveries;
    }

    /** Whether the session has a delivery with this status: an exact look-up in {@code outbox_queue}. */
    private static String owes(String status) {
        return "EXISTS (SELECT 1 FROM outbox w WHERE w.session_id = ? AND w.status = '" + status + "')";
    }

    @Override
    public ActionItemTransaction actionItems() {
        sendHeldWrites();
        claimsAhead.forgetSessions(); // it writes to sessions too
        return new JdbcActionItems(connection);
    }

    private Optional<Session> locked(String sql, Object... parameters) {
        try {
            return lockOne(sql, parameters);
        } catch (SQLException failure) {
            throw new StoreException("locking a session", failure);
        }
    }

    /** Locks a session; writes held back by earlier pieces travel with it, in the same round trip. */
    private Optional<Session> lockOne(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = afterHeldWrites(sql, parameters);
                ResultSet rows = statement.getResultSet()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            Session session = Rows.session(rows);
            held.add(session.id());
            return Optional.of(session);
        }
    }

    /** Runs a query after the writes held back, in one round trip; the statement returned is at the query's result. */
    private PreparedStatement afterHeldWrites(String sql, Object... parameters) throws SQLException {
        if (heldWrites != null && !heldWrites.isEmpty()) {
            return heldWrites.sendBefore(connection, sql, parameters);
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            statement.execute();
            return statement;
        } catch (SQLException | RuntimeException | Error failure) {
            statement.close();
            throw failure;
        }
    }

    /** Prepares a statement once the writes held back are sent: it may read what they wrote. */
    private PreparedStatement prepare(String sql) throws SQLException {
        sendHeldWrites();
        return connection.prepareStatement(sql);
    }

    private PreparedStatement prepare(String sql, int generatedKeys) throws SQLException {
        sendHeldWrites();
        return connection.prepareStatement(sql, generatedKeys);
    }

    private PreparedStatement prepare(String sql, String[] generatedColumns) throws SQLException {
        sendHeldWrites();
        return connection.prepareStatement(sql, generatedColumns);
    }

    private void sendHeldWrites() {
        if (heldWrites != null && !heldWrites.isEmpty()) {
            try {
                heldWrites.send(connection);
            } catch (SQLException failure) {
                throw new StoreException("writing what an earlier change held back", failure);
            }
        }
    }

    /**
     * Locks a session's row until this transaction ends, unless this transaction holds it already; false when there is
     * no such session.
     */
    private boolean hold(long sessionId) {
        if (held.contains(sessionId)) {
            return true;
        }
        try (PreparedStatement statement = prepare("SELECT id FROM sessions WHERE id = ? FOR UPDATE")) {
            statement.setLong(1, sessionId);
            try (ResultSet row = statement.executeQuery()) {
                boolean exists = row.next();
                if (exists) {
                    held.add(sessionId);
                }
                return exists;
            }
        } catch (SQLException failure) {
            throw new StoreException("locking a session", failure);
        }
    }

    /**
     * As {@link #hold}, for a row that belongs to the session. {@code contributions} and {@code outbox} have no foreign
     * key to {@code sessions} (migration 13, {@link HotTablesWithoutForeignKeys}): this is what keeps their rows from
     * naming a session that does not exist. Costs nothing when the session is locked already, as it always is.
     */
    private void holdExisting(long sessionId) {
        if (!hold(sessionId)) {
            throw new IllegalStateException("session " + sessionId + " does not exist");
        }
    }

    private void update(String doing, String sql, Object... parameters) {
        update(new Write(doing, sql, parameters));
    }

    private void update(Write write) {
        try {
            execute(write.sql(), write.parameters());
        } catch (SQLException failure) {
            throw new StoreException(write.doing(), failure);
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (parameters[i] instanceof String text) {
                statement.setString(i + 1, storable(text));
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    /**
     * PostgreSQL cannot keep the NUL character in text (H2 can); people never type it, so it becomes the replacement
     * character rather than failing the whole request.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }
}
