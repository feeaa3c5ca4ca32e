package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGStatement;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.service.ClaimedDelivery;
import reviewcoach.service.Delivery;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.DigestAddress;
import reviewcoach.testing.OneConnection;
import reviewcoach.testing.RecordingHandover;
import reviewcoach.testing.TestDatabase;

/** The outbox's claims: oldest first per session, one courier per delivery, and claims that run out. */
class JdbcOutboxTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcSessionStore store;
    private JdbcOutbox courier1;
    private JdbcOutbox courier2;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        store = new JdbcSessionStore(dataSource);
        courier1 = new JdbcOutbox(dataSource, "courier-1", LEASE);
        courier2 = new JdbcOutbox(dataSource, "courier-2", LEASE);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
        database.close();
    }

    /** Starts a session owing {@code kinds}, in that order; returns its id. */
    private long sessionOwing(DeliveryKind... kinds) {
        return store.inTransaction(tx -> {
            Session session = tx.createSession("T1", "C1", "U1", new Review("Slow.", null, null), null, NOW);
            for (DeliveryKind kind : kinds) {
                tx.enqueue(session.id(), kind, null, NOW);
            }
            return session.id();
        });
    }

    /**
     * On PostgreSQL the outbox's statements are planned afresh at each run, never kept as a server-side prepared
     * statement whose plan would be the one made when the queue was last empty (docs/BENCHMARKS.md, stop 21).
     */
    @Test
    void onPostgresqlTheOutboxsStatementsArePlannedAtEachRun() throws SQLException {
        assumeTrue(TestDatabase.isPostgres(), "H2 plans by its indexes");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        JdbcOutbox.plannedEachRun(connection, "SELECT 1 FROM outbox WHERE id = ?")) {
            for (int run = 0; run < 10; run++) {
                statement.setLong(1, run);
                try (ResultSet rows = statement.executeQuery()) {
                    assertFalse(rows.next());
                }
            }
            assertFalse(statement.unwrap(PGStatement.class).isUseServerPrepare(), "never a server-side plan");
        }
    }

    /**
     * The courier's own claims and settles, run often enough that the driver would otherwise prepare them on the server
     * (five runs), leave no prepared statement over the outbox in that connection.
     */
    @Test
    void onPostgresqlTheCouriersClaimsAndSettlesAreNeverPreparedOnTheServer() throws SQLException {
        assumeTrue(TestDatabase.isPostgres(), "H2 plans by its indexes");
        try (Connection only = dataSource.getConnection()) {
            JdbcOutbox courier = new JdbcOutbox(OneConnection.of(only), "courier-1", LEASE);
            for (int round = 0; round < 8; round++) {
                sessionOwing(DeliveryKind.PROMPT);
                Delivery claimed = courier.claimDue(NOW, 10).get(0);
                assertTrue(courier.markSent(claimed.id()));
            }
            try (Statement statement = only.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement ILIKE '%outbox%'")) {
                rows.next();
                assertEquals(0, rows.getInt(1), "no plan over the outbox kept for the connection");
            }
        }
    }

    @Test
    void handsOutTheOldestPendingDeliveryOfEachSession() {
        long first = sessionOwing(DeliveryKind.PROMPT, DeliveryKind.REFRESH_ROOT);
        long second = sessionOwing(DeliveryKind.PROMPT);

        List<Delivery> heads = courier1.claimDue(NOW, 10);
        assertEquals(
                List.of(first, second), heads.stream().map(Delivery::sessionId).toList());
        assertEquals(DeliveryKind.PROMPT, heads.get(0).kind());

        assertTrue(courier1.retryLater(heads.get(0).id(), NOW.plusSeconds(30), "http_500"));
        assertEquals(
                List.of(),
                courier1.claimDue(NOW, 10),
                "a session waits while its oldest delivery waits, so its messages stay in order");
        assertEquals(
                Optional.of(NOW.plusSeconds(30)),
                courier1.nextDue(),
                "what waits behind an older delivery is not due yet, so the courier does not spin");

        Delivery retried = courier1.claimDue(NOW.plusSeconds(31), 10).get(0);
        assertEquals(1, retried.attempts());
        assertTrue(courier1.markSent(retried.id()));
        Delivery next = courier1.claimDue(NOW.plusSeconds(31), 10).get(0);
        assertEquals(DeliveryKind.REFRESH_ROOT, next.kind());
        assertTrue(courier1.markFailed(next.id(), "channel_not_found"));
        assertTrue(courier1.claimDue(NOW.plusSeconds(31), 10).isEmpty());
        assertTrue(courier1.markSent(heads.get(1).id()));
        assertEquals(Optional.empty(), courier1.nextDue());
    }

    @Test
    void aSentDeliveryLeavesNoRowBehindSoTheOutboxOnlyHoldsWhatIsOwed() throws Exception {
        sessionOwing(DeliveryKind.OPEN_THREAD, DeliveryKind.PROMPT);
        Delivery failing = courier1.claimDue(NOW, 10).get(0);
        assertTrue(courier1.markFailed(failing.id(), "channel_not_found"));
        sessionOwing(DeliveryKind.QUESTION, DeliveryKind.REFRESH_ROOT);
        for (List<Delivery> due = courier1.claimDue(NOW, 10); !due.isEmpty(); due = courier1.claimDue(NOW, 10)) {
            due.forEach(delivery -> assertTrue(courier1.markSent(delivery.id())));
        }
        sessionOwing(DeliveryKind.PROMPT);

        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status")) {
            List<String> left = new ArrayList<>();
            while (rows.next()) {
                left.add(rows.getString(1) + "=" + rows.getInt(2));
            }
            assertEquals(
                    List.of("FAILED=1", "PENDING=1"),
                    left,
                    "a failed delivery stays for the record, one still owed stays, sent ones are gone");
        }
    }

    @Test
    void aSessionsLaterDeliveryWaitsWhileAnotherCourierSendsTheEarlierOne() {
        long session = sessionOwing(DeliveryKind.QUESTION, DeliveryKind.PROMPT, DeliveryKind.REFRESH_ROOT);
        long other = sessionOwing(DeliveryKind.PROMPT);

        Delivery sending = courier1.claimDue(NOW, 1).get(0);
        assertEquals(session, sending.sessionId());
        assertEquals(
                List.of(other),
                courier2.claimDue(NOW, 10).stream().map(Delivery::sessionId).toList(),
                "only the other session");
        assertEquals(List.of(), courier2.claimDue(NOW, 10));
        assertEquals(
                Map.of(
                        DeliveryKind.QUESTION,
                        "SENDING",
                        DeliveryKind.PROMPT,
                        "QUEUED",
                        DeliveryKind.REFRESH_ROOT,
                        "QUEUED"),
                statusesOf(session),
                "the later ones wait queued, so a claim never reads them");

        assertTrue(courier1.markSent(sending.id()));
        Delivery later = courier2.claimDue(NOW, 10).get(0);
        assertEquals(DeliveryKind.PROMPT, later.kind());
        assertEquals(session, later.sessionId());
    }

    @Test
    void aDeliveryWaitingForItsChannelHoldsBackOnlyItsOwnSessionAndWhatItLaterOwes() {
        long paced = sessionOwing(DeliveryKind.OPEN_THREAD, DeliveryKind.PROMPT);
        long other = sessionOwing(DeliveryKind.PROMPT);
        Delivery opening = courier1.claimDue(NOW, 1).get(0);
        Instant slot = NOW.plusSeconds(30);
        assertTrue(courier1.postpone(opening.id(), slot));
        store.inTransaction(tx -> {
            tx.enqueue(paced, DeliveryKind.QUESTION, "1.2", NOW);
            return null;
        });

        assertEquals(
                Map.of(
                        DeliveryKind.OPEN_THREAD,
                        "PENDING",
                        DeliveryKind.PROMPT,
                        "QUEUED",
                        DeliveryKind.QUESTION,
                        "QUEUED"),
                statusesOf(paced),
                "only the oldest is its session's turn; what the session owes after it waits in its queue, off the"
                        + " courier's walk of what is due");
        List<Delivery> due = courier1.claimDue(NOW, 10);
        assertEquals(List.of(other), due.stream().map(Delivery::sessionId).toList());
        assertTrue(courier1.markSent(due.get(0).id()));
        assertEquals(Optional.of(slot), courier1.nextDue(), "the courier sleeps until the slot, it does not spin");

        List<DeliveryKind> sent = new ArrayList<>();
        for (List<Delivery> now = courier1.claimDue(slot, 10); !now.isEmpty(); now = courier1.claimDue(slot, 10)) {
            assertEquals(1, now.size(), "one at a time within a session");
            sent.add(now.get(0).kind());
            assertTrue(courier1.markSent(now.get(0).id()));
        }
        assertEquals(List.of(DeliveryKind.OPEN_THREAD, DeliveryKind.PROMPT, DeliveryKind.QUESTION), sent);
    }

    @Test
    void digestsBelongToNoSessionAndStillGoOneAfterAnother() {
        JdbcDigests digests = new JdbcDigests(dataSource);
        DigestAddress managers = new DigestAddress("T1", "C0MANAGERS");
        digests.queueNow(managers, NOW.minusSeconds(60), NOW);
        digests.queueNow(managers, NOW, NOW);
        long session = sessionOwing(DeliveryKind.PROMPT);

        List<Delivery> due = courier1.claimDue(NOW, 10);
        assertEquals(2, due.size(), "the first digest and the session's prompt: " + due);
        assertEquals(DeliveryKind.DIGEST, due.get(0).kind());
        assertEquals(session, due.get(1).sessionId());
        assertEquals(List.of(), courier2.claimDue(NOW, 10), "the second digest waits for the first");

        assertTrue(courier1.markSent(due.get(0).id()));
        assertEquals(DeliveryKind.DIGEST, courier2.claimDue(NOW, 10).get(0).kind());
    }

    @Test
    void aReactionOwedWaitsInNoQueueAndHoldsNothingBack() {
        long session = sessionOwing(DeliveryKind.OPEN_THREAD, DeliveryKind.PROMPT);
        Delivery opening = courier1.claimDue(NOW, 1).get(0);
        assertTrue(courier1.postpone(opening.id(), NOW.plusSeconds(30)));
        JdbcDigests digests = new JdbcDigests(dataSource);
        DigestAddress managers = new DigestAddress("T1", "C0MANAGERS");
        digests.queueNow(managers, NOW, NOW);
        store.inTransaction(tx -> {
            tx.enqueue(session, DeliveryKind.ACKNOWLEDGE, "1.2", NOW);
            tx.enqueue(session, DeliveryKind.QUESTION, "1.3", NOW);
            return null;
        });
        digests.queueNow(managers, NOW.plusSeconds(60), NOW);

        List<Delivery> due = courier1.claimDue(NOW, 10);
        assertEquals(
                List.of(DeliveryKind.DIGEST, DeliveryKind.ACKNOWLEDGE),
                due.stream().map(Delivery::kind).toList(),
                "the reaction goes while its session's opening waits for the channel, and neither it nor the first"
                        + " digest waits for the other; the second digest waits for the first");
        Delivery reaction = due.get(1);
        assertEquals(session, reaction.sessionId(), "the courier is told whose line the reaction marks");
        assertEquals("1.2", reaction.subject());
        Map<DeliveryKind, String> queue = Map.of(
                DeliveryKind.OPEN_THREAD, "PENDING", DeliveryKind.PROMPT, "QUEUED", DeliveryKind.QUESTION, "QUEUED");
        assertEquals(
                queue,
                statusesOf(session),
                "the reaction is not in the session's queue, and the question still waits its turn behind the prompt");

        assertTrue(courier1.markSent(reaction.id()));
        assertEquals(queue, statusesOf(session), "sending the reaction passes no turn on");
    }

    /**
     * A store that hands reactions to courier-1 writes each already claimed by it, and hands it over only once its
     * transaction has committed; no courier finds it in the outbox while the claim lasts, and after that it is taken
     * over as any claim that ran out.
     */
    @Test
    void aReactionHandedToItsCourierIsWrittenClaimedAndGivenOverOnceCommitted() {
        long session = sessionOwing(DeliveryKind.OPEN_THREAD);
        RecordingHandover hand = new RecordingHandover(10);
        JdbcSessionStore handing = handingReactionsTo(hand);

        boolean owesWaiting = handing.inSessionTransaction(session, tx -> {
            tx.enqueue(session, DeliveryKind.ACKNOWLEDGE, "1.2", NOW);
            assertEquals(List.of(), hand.taken(), "nothing is handed over before the commit");
            return tx.owesWaitingDeliveries();
        });

        assertFalse(owesWaiting, "the courier need not look in the outbox for a reaction it is handed");
        List<ClaimedDelivery> handed = hand.taken();
        assertEquals(
                List.of(new ClaimedDelivery(
                        new Delivery(handed.get(0).delivery().id(), session, DeliveryKind.ACKNOWLEDGE, "1.2", 0),
                        NOW.plus(LEASE))),
                handed);
        List<Delivery> claimed = courier2.claimDue(NOW, 10);
        assertEquals(
                List.of(DeliveryKind.OPEN_THREAD),
                claimed.stream().map(Delivery::kind).toList(),
                "another courier does not take the reaction while courier-1's claim lasts");
        assertTrue(courier2.markSent(claimed.get(0).id()));
        assertEquals(List.of(), courier1.claimDue(NOW, 10), "nor does courier-1 claim what it was handed");

        Delivery takenOver = courier2.claimDue(NOW.plus(LEASE), 10).get(0);
        assertEquals(handed.get(0).delivery().id(), takenOver.id(), "taken over once courier-1's claim ran out");
        assertEquals(1, takenOver.attempts());
        assertFalse(courier1.markSent(takenOver.id()));
        assertTrue(courier2.markSent(takenOver.id()));
    }

    @Test
    void aTransactionThatFailsHandsNothingOverAndGivesItsRoomBack() {
        long session = sessionOwing(DeliveryKind.OPEN_THREAD);
        RecordingHandover hand = new RecordingHandover(10);
        JdbcSessionStore handing = handingReactionsTo(hand);

        assertThrows(
                IllegalStateException.class,
                () -> handing.inSessionTransaction(session, tx -> {
                    tx.enqueue(session, DeliveryKind.ACKNOWLEDGE, "1.2", NOW);
                    throw new IllegalStateException("the request failed after owing the reaction");
                }));

        assertEquals(List.of(), hand.taken());
        assertEquals(0, hand.reserved(), "the room reserved for it is free again");
        assertEquals(0, countOf("SELECT COUNT(*) FROM outbox WHERE about_session = " + session), "nothing written");
    }

    /** With no room in the courier's hand, a reaction waits in the outbox like any delivery, and the courier is told. */
    @Test
    void aReactionTheCourierHasNoRoomForWaitsInTheOutbox() {
        long session = sessionOwing();
        RecordingHandover hand = new RecordingHandover(1);
        JdbcSessionStore handing = handingReactionsTo(hand);

        boolean owesWaiting = handing.inSessionTransaction(session, tx -> {
            tx.enqueue(session, DeliveryKind.ACKNOWLEDGE, "1.2", NOW);
            tx.enqueue(session, DeliveryKind.ACKNOWLEDGE, "1.3", NOW);
            return tx.owesWaitingDeliveries();
        });

        assertTrue(owesWaiting);
        assertEquals(
                List.of("1.2"),
                hand.taken().stream().map(c -> c.delivery().subject()).toList());
        assertEquals(
                List.of("1.3"),
                courier2.claimDue(NOW, 10).stream().map(Delivery::subject).toList(),
                "the second waits in the outbox for any courier");
    }

    @Test
    void aTransactionOwingMoreThanAReactionLeavesWorkWaiting() {
        long session = sessionOwing();
        JdbcSessionStore handing = handingReactionsTo(new RecordingHandover(10));

        boolean owesWaiting = handing.inSessionTransaction(session, tx -> {
            tx.enqueue(session, DeliveryKind.ACKNOWLEDGE, "1.3", NOW);
            tx.enqueue(session, DeliveryKind.PROMPT, "THOUGHT", NOW);
            return tx.owesWaitingDeliveries();
        });
        assertTrue(owesWaiting, "the prompt waits in the outbox for a courier to look");
    }

    /** A store that writes the reactions owed claimed by courier-1 and hands them to {@code hand}. */
    private JdbcSessionStore handingReactionsTo(RecordingHandover hand) {
        JdbcSessionStore handing = new JdbcSessionStore(dataSource);
        handing.handReactionsTo(courier1, hand);
        return handing;
    }

    /**
     * A reaction, in no session's queue, is settled as sent with one statement: no session to lock, no turn to pass;
     * and where each change commits on its own (PostgreSQL's courier), the statement commits by itself, without a
     * commit's round trip.
     */
    @Test
    void aSentReactionIsSettledWithOneStatementThatCommitsByItself() throws SQLException {
        long session = sessionOwing();
        store.inTransaction(tx -> {
            tx.enqueue(session, DeliveryKind.ACKNOWLEDGE, "1.2", NOW);
            return null;
        });
        Delivery reaction = courier1.claimDue(NOW, 10).get(0);
        List<String> statements = new ArrayList<>();
        try (Connection only = dataSource.getConnection()) {
            JdbcOutbox counted = new JdbcOutbox(OneConnection.of(only, statements), "courier-1", LEASE);
            assertTrue(counted.markSent(reaction.id()));
        }
        assertEquals(1, statements.size(), "statements, and no commit: " + statements);
        assertEquals(0, countOf("SELECT COUNT(*) FROM outbox"));
    }

    private int countOf(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException failure) {
            throw new AssertionError(failure);
        }
    }

    /** The status of each delivery a session owes, by kind. */
    private Map<DeliveryKind, String> statusesOf(long session) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT kind, status FROM outbox WHERE session_id = ?")) {
            statement.setLong(1, session);
            Map<DeliveryKind, String> statuses = new EnumMap<>(DeliveryKind.class);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    statuses.put(DeliveryKind.valueOf(rows.getString(1)), rows.getString(2));
                }
            }
            return statuses;
        } catch (SQLException failure) {
            throw new AssertionError(failure);
        }
    }

    @Test
    void aMessageQueuedWhileItsSessionsTurnPassesOnIsNotLeftBehind() throws Exception {
        long session = sessionOwing(DeliveryKind.QUESTION);
        Delivery sending = courier1.claimDue(NOW, 10).get(0);
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch settling = new CountDownLatch(1);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> request = threads.submit(() -> store.inTransaction(tx -> {
                tx.enqueue(session, DeliveryKind.PROMPT, null, NOW);
                queued.countDown();
                await(settling);
                return null;
            }));
            assertTrue(queued.await(10, TimeUnit.SECONDS));
            Future<Boolean> sent = threads.submit(() -> courier1.markSent(sending.id()));
            // Let the courier reach the session's lock while the request that queued the prompt is still open; had it
            // passed the turn without waiting, it would have found nothing queued, and the prompt would wait forever.
            Thread.sleep(300);
            settling.countDown();
            request.get(10, TimeUnit.SECONDS);
            assertTrue(sent.get(10, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }

        List<Delivery> next = courier1.claimDue(NOW, 10);
        assertEquals(
                List.of(DeliveryKind.PROMPT), next.stream().map(Delivery::kind).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException interrupted) {
            throw new AssertionError(interrupted);
        }
    }

    @Test
    void theUpgradeQueuesWhatEachSessionOwedBehindItsOldestDelivery() throws Exception {
        long sending = sessionOwing(DeliveryKind.OPEN_THREAD, DeliveryKind.PROMPT, DeliveryKind.REFRESH_ROOT);
        long waiting = sessionOwing(DeliveryKind.QUESTION, DeliveryKind.CARE);
        assertEquals(sending, courier1.claimDue(NOW, 1).get(0).sessionId());
        new JdbcDigests(dataSource).queueNow(new DigestAddress("T1", "C0MANAGERS"), NOW, NOW);
        String upgrade;
        try (InputStream script = getClass().getResourceAsStream("/db/migration/V11__outbox_queue.sql")) {
            upgrade = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE outbox SET status = 'PENDING' WHERE status = 'QUEUED'");
            statement.executeUpdate(
                    Arrays.stream(upgrade.replaceAll("(?m)^--.*$", "").split(";"))
                            .filter(sql -> sql.strip().startsWith("UPDATE"))
                            .findFirst()
                            .orElseThrow());
        }

        assertEquals(
                Map.of(
                        DeliveryKind.OPEN_THREAD,
                        "SENDING",
                        DeliveryKind.PROMPT,
                        "QUEUED",
                        DeliveryKind.REFRESH_ROOT,
                        "QUEUED"),
                statusesOf(sending));
        assertEquals(Map.of(DeliveryKind.QUESTION, "PENDING", DeliveryKind.CARE, "QUEUED"), statusesOf(waiting));
        assertEquals(
                List.of(DeliveryKind.QUESTION, DeliveryKind.DIGEST),
                courier1.claimDue(NOW, 10).stream().map(Delivery::kind).toList(),
                "a digest belongs to no session and stays pending");
    }

    @Test
    void aClaimLocksOnlyWhatItTakesSoAnotherCourierFindsTheRest() {
        for (int i = 0; i < 10; i++) {
            sessionOwing(DeliveryKind.PROMPT);
        }
        List<Long> freeWhileClaiming = new ArrayList<>();
        Transactions separate = Transactions.separate(dataSource);
        Transactions lookingBeforeCommit = new Transactions() {
            @Override
            public <T> T run(Work<T> work) throws SQLException {
                return separate.run(connection -> {
                    T result = work.run(connection);
                    freeWhileClaiming.addAll(lockable());
                    return result;
                });
            }
        };
        JdbcOutbox watched = new JdbcOutbox(dataSource, lookingBeforeCommit, "courier-1", LEASE);

        assertEquals(2, watched.claimDue(NOW, 2).size());
        assertEquals(8, freeWhileClaiming.size(), "what the claim did not take stays free for other couriers");
    }

    /** The pending deliveries another connection could lock right now. */
    private List<Long> lockable() throws SQLException {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (ResultSet rows = other.createStatement()
                    .executeQuery("SELECT id FROM outbox WHERE status = 'PENDING' FOR UPDATE SKIP LOCKED")) {
                List<Long> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
                return ids;
            } finally {
                other.rollback();
                other.setAutoCommit(true);
            }
        }
    }

    @Test
    void twoCouriersClaimingAtOnceSendEveryDeliveryOnceAndEachSessionInOrder() throws Exception {
        for (int i = 0; i < 20; i++) {
            sessionOwing(DeliveryKind.OPEN_THREAD, DeliveryKind.PROMPT, DeliveryKind.QUESTION);
        }
        List<Delivery> claims = Collections.synchronizedList(new ArrayList<>());

        ExecutorService couriers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (JdbcOutbox courier : List.of(courier1, courier2)) {
                sent.add(couriers.submit(() -> drain(courier, claims)));
            }
            assertEquals(60, sent.get(0).get(30, TimeUnit.SECONDS) + sent.get(1).get(30, TimeUnit.SECONDS));
        } finally {
            couriers.shutdownNow();
        }

        List<Long> ids = claims.stream().map(Delivery::id).toList();
        assertEquals(60, new HashSet<>(ids).size(), "no delivery was claimed twice: " + ids);
        Map<Long, List<Long>> bySession = claims.stream()
                .collect(Collectors.groupingBy(
                        Delivery::sessionId, Collectors.mapping(Delivery::id, Collectors.toList())));
        bySession.forEach((session, inClaimOrder) -> assertEquals(
                inClaimOrder.stream().sorted().toList(), inClaimOrder, "session " + session + " went out of order"));
    }

    /** Claims and sends until nothing is left; returns how many this courier sent. */
    private static int drain(JdbcOutbox courier, List<Delivery> claims) {
        int sent = 0;
        Instant later = NOW.plusSeconds(1);
        while (courier.nextDue().isPresent()) {
            for (Delivery delivery : courier.claimDue(later, 4)) {
                claims.add(delivery);
                assertTrue(courier.markSent(delivery.id()));
                sent++;
            }
        }
        return sent;
    }

    /**
     * A claim that ran out is taken over by the next look for such claims, which a courier makes every few seconds (not
     * at every claim), and which its courier's loop waits for.
     */
    @Test
    void aClaimThatRunsOutIsTakenOverAtTheNextLookAndItsLateSettlementIsRefused() {
        sessionOwing(DeliveryKind.SUMMARY);
        Delivery stuck = courier1.claimDue(NOW, 10).get(0);

        assertEquals(List.of(), courier2.claimDue(NOW.plus(LEASE).minusSeconds(1), 10));
        Instant nextLook = NOW.plus(LEASE).minusSeconds(1).plus(JdbcOutbox.TAKE_OVER_LOOKS);
        assertEquals(Optional.of(nextLook), courier2.nextDue());
        assertEquals(List.of(), courier2.claimDue(NOW.plus(LEASE), 10), "run out, but not looked for at every claim");
        Delivery takenOver = courier2.claimDue(nextLook, 10).get(0);

        assertEquals(stuck.id(), takenOver.id());
        assertEquals(1, takenOver.attempts(), "the attempt that ran out counts");
        assertFalse(courier1.markSent(stuck.id()), "the first courier no longer holds it");
        assertFalse(courier1.retryLater(stuck.id(), NOW, "late"));
        assertTrue(courier2.markSent(takenOver.id()));
    }

    @Test
    void aRestartedCourierTakesBackAtOnceWhatItWasSending() {
        sessionOwing(DeliveryKind.SUMMARY);
        Delivery interrupted = courier1.claimDue(NOW, 10).get(0);
        assertEquals(0, courier2.releaseClaims(), "another courier's claims are not its to give back");

        JdbcOutbox restarted = new JdbcOutbox(dataSource, "courier-1", LEASE);
        assertEquals(1, restarted.releaseClaims());

        Delivery resumed = courier2.claimDue(NOW, 10).get(0);
        assertEquals(interrupted.id(), resumed.id());
        assertEquals(1, resumed.attempts());
    }

    @Test
    void aDeliveryWhoseSessionWasDeletedNeedsNoSettling() {
        long session = sessionOwing(DeliveryKind.OPEN_THREAD, DeliveryKind.PROMPT);
        Delivery opening = courier1.claimDue(NOW, 10).get(0);

        store.inTransaction(tx -> {
            tx.deleteSession(session);
            return null;
        });

        assertTrue(courier1.markSent(opening.id()));
        assertEquals(List.of(), courier1.claimDue(NOW, 10));
    }
}
