package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.service.AlreadyHandled;
import reviewcoach.service.DeliveryKind;
import reviewcoach.testing.OneConnection;
import reviewcoach.testing.RecordingHandover;
import reviewcoach.testing.TestDatabase;

/**
 * Lines committed together by one group. On PostgreSQL the group claims their events and locks their sessions ahead, in
 * one round trip, when they say so ({@code inEventTransaction}); and each line's writes are held back to go with the
 * next statement (the last line's just before the commit). On H2 every statement is sent as it is made.
 */
class GroupRunTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private Connection only;
    private final List<String> statements = new ArrayList<>();
    private GroupCommit commits;
    private JdbcSessionStore store;
    private final RecordingHandover hand = new RecordingHandover(64);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private Session session;
    private Session other;

    @BeforeEach
    void open() throws SQLException {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        session = openSession("100.1");
        other = openSession("100.2");
        only = dataSource.getConnection();
        commits = new GroupCommit(OneConnection.of(only, statements));
        store = new JdbcSessionStore(dataSource, commits);
        store.handReactionsTo(new JdbcOutbox(dataSource, "courier-1", Duration.ofMinutes(2)), hand);
        store.inTransaction(tx -> null); // as an instance's first request does, tells the store which database it is on
    }

    private Session openSession(String thread) {
        return new JdbcSessionStore(dataSource).inTransaction(tx -> {
            Session opened = tx.createSession("T1", "C1", "U1", new Review("Slow", "Google", 2), "https://r/1", NOW)
                    .openedIn(thread);
            tx.save(opened);
            return opened;
        });
    }

    @AfterEach
    void close() throws SQLException {
        commits.close();
        callers.shutdownNow();
        only.close();
        dataSource.close();
        database.close();
    }

    @Test
    void eachLineOfAGroupGoesWithTheNextLinesClaim() throws Exception {
        List<Future<Object>> lines = oneGroup(List.of(line(1), line(2), line(3)));

        for (Future<Object> line : lines) {
            line.get(30, TimeUnit.SECONDS);
        }

        List<String> sent = statementsOfTheGroup();
        if (TestDatabase.isPostgres()) {
            assertEquals(5, sent.size(), "three claims, the last line's writes and the commit: " + sent);
            assertTrue(sent.get(0).startsWith("WITH handled AS"), sent.get(0));
            for (int i = 1; i <= 2; i++) {
                assertTrue(sent.get(i).startsWith("WITH written AS (INSERT INTO contributions"), sent.get(i));
                assertTrue(sent.get(i).endsWith("FOR UPDATE"), sent.get(i));
            }
            assertTrue(sent.get(3).startsWith("WITH written AS (INSERT INTO contributions"), sent.get(3));
        } else {
            assertEquals(13, sent.size(), "four statements a line and the commit: " + sent);
        }
        assertEquals("COMMIT", sent.get(sent.size() - 1));
        assertEquals(
                List.of("200.1", "200.2", "200.3"),
                store.contributions(session.id()).stream()
                        .map(Contribution::messageId)
                        .toList());
        assertEquals(claimedIds(), takenIds());
        assertEquals(
                List.of("200.1", "200.2", "200.3"),
                hand.taken().stream()
                        .map(taken -> taken.delivery().subject())
                        .sorted()
                        .toList());
        assertEquals(0, hand.reserved());
    }

    /** The second line's message is stored already: its held write fails the third's claim, yet only it fails. */
    @Test
    void aHeldWriteThatFailsFailsItsOwnLineAlone() throws Exception {
        assertOnlyTheStoredLineFails(this::line);
    }

    /** The same when the lines' claims are made ahead and their writes go as one batch before the commit. */
    @Test
    void aBatchOfLinesThatFailsFailsTheStoredLineAlone() throws Exception {
        assertOnlyTheStoredLineFails(number -> event(number, session));
    }

    private void assertOnlyTheStoredLineFails(IntFunction<Callable<Object>> lineNumbered) throws Exception {
        store.inTransaction(tx -> {
            tx.addContribution(session.id(), contribution(2));
            return null;
        });

        List<Future<Object>> lines =
                oneGroup(List.of(lineNumbered.apply(1), lineNumbered.apply(2), lineNumbered.apply(3)));

        lines.get(0).get(30, TimeUnit.SECONDS);
        ExecutionException failed =
                assertThrows(ExecutionException.class, () -> lines.get(1).get(30, TimeUnit.SECONDS));
        assertInstanceOf(StoreException.class, failed.getCause());
        lines.get(2).get(30, TimeUnit.SECONDS);
        assertEquals(2, claimedIds().size());
        assertEquals(claimedIds(), takenIds());
        assertEquals(0, hand.reserved(), "the failed line's room is given back");
        assertEquals(List.of("Ev1", "Ev3"), handledEvents(), "the failed line's event may come again");
    }

    @Test
    void aGroupOfLinesThatSayTheirClaimsTakesThreeRoundTripsOnPostgresql() throws Exception {
        assertClaimsLinesAndCommit(threeLinesInOneGroup());
        assertEquals(List.of("Ev1", "Ev2", "Ev3"), handledEvents());
        assertEquals(
                List.of(NOW, NOW, NOW),
                column("SELECT handled_at FROM processed_events ORDER BY event_id", OffsetDateTime.class).stream()
                        .map(OffsetDateTime::toInstant)
                        .toList(),
                "each event's claim made ahead at its own time, which retention reads");
        assertEquals(claimedIds(), takenIds());
        assertEquals(
                column("SELECT subject FROM outbox WHERE status = 'SENDING' ORDER BY id", String.class),
                hand.taken().stream()
                        .sorted(Comparator.comparingLong(
                                taken -> taken.delivery().id()))
                        .map(taken -> taken.delivery().subject())
                        .toList(),
                "each reaction handed over with the id of its own row");
        assertEquals(0, hand.reserved());
    }

    /** With no room left in the courier's hand, the lines owe their reactions in the outbox, still in one batch. */
    @Test
    void linesWhoseReactionsWaitInTheOutboxGoTogetherToo() throws Exception {
        while (hand.reserve()) {
            // the courier's hand is full
        }

        assertClaimsLinesAndCommit(threeLinesInOneGroup());
        assertEquals(
                List.of("200.1", "200.2", "200.3"),
                column("SELECT subject FROM outbox WHERE status = 'PENDING' ORDER BY subject", String.class));
        assertEquals(List.of(), hand.taken());
    }

    /** So that the server prepares and plans each once, not once for every size a group can have. */
    @Test
    void theClaimsAndTheLinesAreEachOneTextWhateverTheGroupsSize() throws Exception {
        List<String> ofThree = threeLinesInOneGroup();
        for (Future<Object> line : oneGroup(List.of(event(4, session), event(5, other)))) {
            line.get(30, TimeUnit.SECONDS);
        }

        assertEquals(
                Set.copyOf(ofThree),
                Set.copyOf(statementsOfTheGroup()),
                "the texts of a group of three and of a group of two (on H2 each line's statements)");
        assertEquals(List.of("200.1", "200.3", "200.4"), messages(session));
    }

    /** Lines 1 and 3 in the session and 2 in the other, saying their claims, as one group; returns what it sent. */
    private List<String> threeLinesInOneGroup() throws Exception {
        for (Future<Object> line : oneGroup(List.of(event(1, session), event(2, other), event(3, session)))) {
            line.get(30, TimeUnit.SECONDS);
        }
        List<String> sent = statementsOfTheGroup();
        assertEquals(List.of("200.1", "200.3"), messages(session));
        assertEquals(List.of("200.2"), messages(other));
        return sent;
    }

    /**
     * On PostgreSQL, three round trips: the claims, the lines as one batch of one text (the same for any number of
     * lines), the commit. On H2, four statements a line and the commit.
     */
    private static void assertClaimsLinesAndCommit(List<String> sent) {
        if (TestDatabase.isPostgres()) {
            assertEquals(3, sent.size(), "the claims, the lines, the commit: " + sent);
            assertTrue(sent.get(0).startsWith("INSERT INTO processed_events"), sent.get(0));
            assertTrue(sent.get(0).endsWith("FOR UPDATE"), sent.get(0));
            assertEquals(1, sent.get(1).split("INSERT INTO contributions").length - 1, sent.get(1));
        } else {
            assertEquals(13, sent.size(), "four statements a line and the commit: " + sent);
        }
        assertEquals("COMMIT", sent.get(sent.size() - 1));
    }

    /** An event handled before, and one that comes twice in the group, are handled once; the rest of the group is kept. */
    @Test
    void aGroupHandlesEachEventOnce() throws Exception {
        store.inTransaction(tx -> {
            tx.claimEvent("Ev2", NOW);
            return null;
        });

        List<Future<Object>> lines =
                oneGroup(List.of(event(1, session), event(2, session), event(3, other), event(1, other)));

        lines.get(0).get(30, TimeUnit.SECONDS);
        assertAlreadyHandled(lines.get(1));
        lines.get(2).get(30, TimeUnit.SECONDS);
        assertAlreadyHandled(lines.get(3));
        assertEquals(List.of("200.1"), messages(session));
        assertEquals(List.of("200.3"), messages(other));
        assertEquals(List.of("Ev1", "Ev2", "Ev3"), handledEvents());
        assertEquals(claimedIds(), takenIds());
        assertEquals(0, hand.reserved());
    }

    /**
     * A session read ahead is not given to a line after work that may have changed it: a line after another line of its
     * session, or after other work of the group, reads it again.
     */
    @Test
    void aLineSeesWhatTheWorkBeforeItInTheGroupChanged() throws Exception {
        Callable<Object> toThought = () -> store.inEventTransaction("Ev1", NOW, session.id(), tx -> {
            Session locked = tx.claimEventAndLock("Ev1", NOW, session.id()).orElseThrow();
            tx.save(locked.atStep(Step.THOUGHT));
            return locked.step();
        });
        Callable<Object> otherToFeeling = () -> store.inSessionTransaction(other.id(), tx -> {
            Session locked = tx.lock(other.id()).orElseThrow();
            tx.save(locked.atStep(Step.FEELING));
            return locked.step();
        });

        List<Future<Object>> group = oneGroup(
                List.of(toThought, stepAfter(2, session), otherToFeeling, stepAfter(3, other), stepAfter(4, session)));

        assertEquals(Step.CIRCUMSTANCE, group.get(0).get(30, TimeUnit.SECONDS));
        assertEquals(Step.THOUGHT, group.get(1).get(30, TimeUnit.SECONDS));
        assertEquals(Step.CIRCUMSTANCE, group.get(2).get(30, TimeUnit.SECONDS));
        assertEquals(Step.FEELING, group.get(3).get(30, TimeUnit.SECONDS));
        assertEquals(Step.THOUGHT, group.get(4).get(30, TimeUnit.SECONDS));
    }

    /** Work that holds nothing back itself, in the same group after a line, sees the line. */
    @Test
    void otherWorkInTheGroupSeesTheLinesBeforeIt() throws Exception {
        Transactions.Work<Object> counting = connection -> {
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT COUNT(*) FROM contributions WHERE session_id = ?")) {
                count.setLong(1, session.id());
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        };
        List<Future<Object>> group = oneGroup(List.of(line(1), () -> commits.run(counting)));

        group.get(0).get(30, TimeUnit.SECONDS);
        assertEquals(1, group.get(1).get(30, TimeUnit.SECONDS));
    }

    private Callable<Object> line(int number) {
        return () -> store.inSessionTransaction(session.id(), tx -> {
            tx.claimEventAndLock("Ev" + number, NOW, session.id());
            tx.addContribution(session.id(), contribution(number), DeliveryKind.ACKNOWLEDGE, NOW);
            return null;
        });
    }

    /** A line that says its claim first, as the service's lines do. */
    private Callable<Object> event(int number, Session in) {
        return () -> store.inEventTransaction("Ev" + number, NOW, in.id(), tx -> {
            tx.claimEventAndLock("Ev" + number, NOW, in.id()).orElseThrow();
            tx.addContribution(in.id(), contribution(number), DeliveryKind.ACKNOWLEDGE, NOW);
            return null;
        });
    }

    /** Work that says its claim first and answers with the step it found its session at. */
    private Callable<Object> stepAfter(int number, Session in) {
        return () -> store.inEventTransaction(
                "Ev" + number, NOW, in.id(), tx -> tx.claimEventAndLock("Ev" + number, NOW, in.id())
                        .orElseThrow()
                        .step());
    }

    private static void assertAlreadyHandled(Future<Object> line) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> line.get(30, TimeUnit.SECONDS));
        assertInstanceOf(AlreadyHandled.class, failed.getCause());
    }

    private List<String> messages(Session in) {
        return store.contributions(in.id()).stream()
                .map(Contribution::messageId)
                .toList();
    }

    private static Contribution contribution(int number) {
        return new Contribution("200." + number, Step.CIRCUMSTANCE, "U2", "A review came in", null, NOW);
    }

    /**
     * Runs the callers' work as one group, in the order given: the committer is held by a first piece until they all
     * wait behind it.
     */
    private List<Future<Object>> oneGroup(List<Callable<Object>> work) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> first = callers.submit(() -> commits.run(connection -> {
            statements.clear(); // what this test's group sends comes after this piece's commit
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        List<Future<Object>> group = new ArrayList<>();
        for (Callable<Object> caller : work) {
            group.add(callers.submit(caller));
            awaitWaiting(group.size());
        }
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        return group;
    }

    private void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (commits.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(count, commits.waiting(), "callers waiting behind the held committer");
    }

    /** What the group sent: everything after the holding piece's commit (the list is emptied as it starts). */
    private List<String> statementsOfTheGroup() {
        return List.copyOf(statements.subList(statements.indexOf("COMMIT") + 1, statements.size()));
    }

    /** The ids of the reactions handed to the courier (each caller hands its own over: in any order). */
    private List<Long> takenIds() {
        return hand.taken().stream()
                .map(taken -> taken.delivery().id())
                .sorted()
                .toList();
    }

    private List<Long> claimedIds() throws SQLException {
        return column("SELECT id FROM outbox WHERE status = 'SENDING' ORDER BY id", Long.class);
    }

    private List<String> handledEvents() throws SQLException {
        return column("SELECT event_id FROM processed_events ORDER BY event_id", String.class);
    }

    private <T> List<T> column(String sql, Class<T> type) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1, type));
            }
            return values;
        }
    }
}
