package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.SessionStatus;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.Concern;
import reviewcoach.service.AlreadyHandled;
import reviewcoach.service.Delivery;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.Retention;
import reviewcoach.service.SessionLine;
import reviewcoach.testing.OneConnection;
import reviewcoach.testing.TestDatabase;

class JdbcSessionStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcSessionStore store;
    private JdbcOutbox outbox;
    private final ExecutorService firstRequest = Executors.newSingleThreadExecutor();
    private final ExecutorService retryRequest = Executors.newSingleThreadExecutor();

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        store = new JdbcSessionStore(dataSource);
        outbox = new JdbcOutbox(dataSource, "courier-1", LEASE);
    }

    @AfterEach
    void closeDatabase() {
        firstRequest.shutdownNow();
        retryRequest.shutdownNow();
        dataSource.close();
        database.close();
    }

    private Session openSession(String thread) {
        return store.inTransaction(tx -> {
            Session created = tx.createSession(
                    "T1", "C1", "U1", new Review("Rude staff & <!channel>", "Google", 2), "https://r/1", NOW);
            Session opened = created.openedIn(thread);
            tx.save(opened);
            return opened;
        });
    }

    @Test
    void keepsASessionAndFindsItByItsThread() {
        Session opened = openSession("100.1");

        Session found = store.findByThread("C1", "100.1").orElseThrow();

        assertEquals(opened, found);
        assertEquals(SessionStatus.OPEN, found.status());
        assertEquals(new Review("Rude staff & <!channel>", "Google", 2), found.review());
        assertEquals(Optional.of("https://r/1"), store.noticeUrl(found.id()));
        assertEquals(Optional.empty(), store.findByThread("C1", "999.9"));
    }

    @Test
    void keepsContributionsInOrderWithTheirConcerns() {
        Session session = openSession("100.1");
        Contribution questioned = new Contribution(
                "200.1", Step.CIRCUMSTANCE, "U2", "They were rude", new Concern(List.of("rude"), "a judgment"), NOW);
        Contribution accepted = new Contribution("200.2", Step.CIRCUMSTANCE, "U3", "A review says hi", null, NOW);

        store.inTransaction(tx -> {
            tx.addContribution(session.id(), questioned);
            tx.addContribution(session.id(), accepted);
            return null;
        });

        assertEquals(List.of(questioned, accepted), store.contributions(session.id()));
    }

    /**
     * A contribution's path: the event claimed with the session locked, then the line with the reaction that answers it.
     * On PostgreSQL, where each statement is a round trip made while the session is locked, two statements; on H2 four.
     * Then the commit.
     */
    @Test
    void aLineIsWrittenWithItsReactionAndOnPostgresqlInTwoStatements() throws SQLException {
        Session session = openSession("100.1");
        Contribution line = new Contribution("200.1", Step.CIRCUMSTANCE, "U2", "A review came in", null, NOW);
        List<String> statements = new ArrayList<>();

        try (Connection only = dataSource.getConnection()) {
            new JdbcSessionStore(OneConnection.of(only, statements)).inSessionTransaction(session.id(), tx -> {
                assertEquals(Optional.of(session), tx.claimEventAndLock("Ev1", NOW, session.id()));
                tx.addContribution(session.id(), line, DeliveryKind.ACKNOWLEDGE, NOW);
                return null;
            });
        }

        assertEquals(TestDatabase.isPostgres() ? 3 : 5, statements.size(), "statements and the commit: " + statements);
        assertEquals("COMMIT", statements.get(statements.size() - 1));
        assertEquals(List.of(line), store.contributions(session.id()));
        List<Delivery> owed = outbox.claimDue(NOW, 10);
        assertEquals(1, owed.size());
        assertEquals(DeliveryKind.ACKNOWLEDGE, owed.get(0).kind());
        assertEquals("200.1", owed.get(0).subject());
        assertThrows(
                AlreadyHandled.class,
                () -> store.inSessionTransaction(session.id(), tx -> tx.claimEventAndLock("Ev1", NOW, session.id())));
    }

    /** A line read with its session (what a reaction needs): each with its own step; nothing when the line is gone. */
    @Test
    void readsALineWithItsSession() {
        Session session = openSession("100.1");
        Session later = session.atStep(Step.FEELING);
        Contribution line = new Contribution(
                "200.1", Step.THOUGHT, "U2", "This will ruin us", new Concern(List.of("ruin"), "a judgment"), NOW);
        store.inTransaction(tx -> {
            tx.addContribution(session.id(), line);
            tx.save(later);
            return null;
        });

        assertEquals(Optional.of(new SessionLine(later, line)), store.line(session.id(), "200.1"));
        assertEquals(Optional.empty(), store.line(session.id(), "200.2"));
        assertEquals(Optional.empty(), store.line(session.id() + 1, "200.1"));
    }

    /** A questioned line's answer, written with it, still waits its turn behind what the session already owes. */
    @Test
    void aQuestionWrittenWithItsLineWaitsBehindWhatTheSessionOwes() {
        Session session = openSession("100.1");
        Contribution questioned = new Contribution(
                "200.1", Step.CIRCUMSTANCE, "U2", "They were rude", new Concern(List.of("rude"), "a judgment"), NOW);

        store.inSessionTransaction(session.id(), tx -> {
            tx.enqueue(session.id(), DeliveryKind.PROMPT, Step.CIRCUMSTANCE.name(), NOW);
            tx.addContribution(session.id(), questioned, DeliveryKind.QUESTION, NOW);
            return null;
        });

        assertEquals(List.of(questioned), store.contributions(session.id()));
        List<Delivery> first = outbox.claimDue(NOW, 10);
        assertEquals(
                List.of(DeliveryKind.PROMPT), first.stream().map(Delivery::kind).toList());
        assertTrue(outbox.markSent(first.get(0).id()));
        List<Delivery> next = outbox.claimDue(NOW, 10);
        assertEquals(
                List.of(DeliveryKind.QUESTION),
                next.stream().map(Delivery::kind).toList());
        assertEquals("200.1", next.get(0).subject());
    }

    /** A line that cannot be written (its message is there already) writes no answer either. */
    @Test
    void aLineThatFailsWritesNoAnswer() {
        Session session = openSession("100.1");
        Contribution line = new Contribution("200.1", Step.CIRCUMSTANCE, "U2", "A review came in", null, NOW);
        store.inTransaction(tx -> {
            tx.addContribution(session.id(), line);
            return null;
        });

        assertThrows(
                StoreException.class,
                () -> store.inSessionTransaction(session.id(), tx -> {
                    tx.addContribution(session.id(), line, DeliveryKind.ACKNOWLEDGE, NOW);
                    return null;
                }));

        assertEquals(List.of(), outbox.claimDue(NOW, 10));
        assertEquals(List.of(line), store.contributions(session.id()));
    }

    @Test
    void anEventIsClaimedOnceAndAFailedClaimChangesNothing() {
        Session session = openSession("100.1");
        store.inTransaction(tx -> {
            tx.claimEvent("Ev1", NOW);
            tx.save(session.atStep(Step.THOUGHT));
            return null;
        });

        assertThrows(
                AlreadyHandled.class,
                () -> store.inTransaction(tx -> {
                    tx.save(session.atStep(Step.FEELING));
                    tx.claimEvent("Ev1", NOW);
                    return null;
                }));

        assertEquals(Step.THOUGHT, store.find(session.id()).orElseThrow().step(), "the second change rolled back");
    }

    @Test
    void aRetryArrivingWhileTheFirstDeliveryIsHandledWaitsForItThenIsAlreadyHandled() throws Exception {
        Session session = openSession("100.1");
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        Future<?> first = firstRequest.submit(() -> store.inTransaction(tx -> {
            tx.claimEvent("Ev1", NOW);
            tx.save(session.atStep(Step.THOUGHT));
            firstClaimed.countDown();
            awaitUninterruptibly(firstMayCommit);
            return null;
        }));
        assertTrue(firstClaimed.await(10, TimeUnit.SECONDS));

        Future<?> retry = retryRequest.submit(() -> store.inTransaction(tx -> {
            tx.claimEvent("Ev1", NOW);
            tx.save(session.atStep(Step.FEELING));
            return null;
        }));
        assertThrows(TimeoutException.class, () -> retry.get(300, TimeUnit.MILLISECONDS), "the retry waits");
        firstMayCommit.countDown();
        first.get(10, TimeUnit.SECONDS);

        ExecutionException refused = assertThrows(ExecutionException.class, () -> retry.get(10, TimeUnit.SECONDS));
        assertInstanceOf(AlreadyHandled.class, refused.getCause());
        assertEquals(Step.THOUGHT, store.find(session.id()).orElseThrow().step(), "acted on once");
        retryRequest
                .submit(() -> store.inTransaction(tx -> {
                    tx.claimEvent("Ev2", NOW);
                    return null;
                }))
                .get(10, TimeUnit.SECONDS); // the refused retry's connection was rolled back and serves again
    }

    @Test
    void aRetryArrivingWhileTheFirstDeliveryFailsIsHandledInItsPlace() throws Exception {
        Session session = openSession("100.1");
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch firstMayFail = new CountDownLatch(1);
        Future<?> first = firstRequest.submit(() -> store.inTransaction(tx -> {
            tx.claimEvent("Ev1", NOW);
            firstClaimed.countDown();
            awaitUninterruptibly(firstMayFail);
            throw new IllegalStateException("the first handler fails");
        }));
        assertTrue(firstClaimed.await(10, TimeUnit.SECONDS));

        Future<?> retry = retryRequest.submit(() -> store.inTransaction(tx -> {
            tx.claimEvent("Ev1", NOW);
            tx.save(session.atStep(Step.FEELING));
            return null;
        }));
        firstMayFail.countDown();

        assertInstanceOf(
                IllegalStateException.class,
                assertThrows(ExecutionException.class, first::get).getCause());
        retry.get(10, TimeUnit.SECONDS);
        assertEquals(Step.FEELING, store.find(session.id()).orElseThrow().step());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void deletingASessionTakesItsContributionsAndDeliveries() {
        Session session = openSession("100.1");
        store.inTransaction(tx -> {
            tx.addContribution(session.id(), new Contribution("200.1", Step.THOUGHT, "U2", "hm", null, NOW));
            tx.enqueue(session.id(), DeliveryKind.PROMPT, "THOUGHT", NOW);
            tx.deleteSession(session.id());
            return null;
        });

        assertEquals(Optional.empty(), store.find(session.id()));
        assertEquals(List.of(), store.contributions(session.id()));
        assertEquals(List.of(), outbox.claimDue(NOW, 10));
    }

    @Test
    void retentionDeletesOnlyFinishedSessionsOlderThanTheCutoff() {
        Session old = openSession("100.1");
        Session recent = openSession("100.2");
        Session stillOpen = openSession("100.3");
        store.inTransaction(tx -> {
            tx.save(old.finishedAt(NOW.minus(Duration.ofDays(200))));
            tx.save(recent.finishedAt(NOW.minus(Duration.ofDays(10))));
            tx.addContribution(old.id(), new Contribution("200.1", Step.THOUGHT, "U2", "hm", null, NOW));
            tx.claimEvent("EvOld", NOW.minus(Duration.ofDays(3)));
            tx.claimEvent("EvNew", NOW);
            return null;
        });

        int deleted = new Retention(store, 180, Clock.fixed(NOW, ZoneOffset.UTC)).purge();

        assertEquals(1, deleted);
        assertEquals(Optional.empty(), store.find(old.id()));
        assertEquals(List.of(), store.contributions(old.id()));
        assertTrue(store.find(recent.id()).isPresent());
        assertTrue(store.find(stillOpen.id()).isPresent());
        store.inTransaction(tx -> {
            tx.claimEvent("EvOld", NOW);
            return null;
        });
        assertThrows(
                AlreadyHandled.class,
                () -> store.inTransaction(tx -> {
                    tx.claimEvent("EvNew", NOW);
                    return null;
                }));
    }

    @Test
    void aPostedMessageIsRecordedOnceThroughTheStoresTransactions() throws Exception {
        Session session = openSession("100.1");
        List<Long> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        Transactions separate = Transactions.separate(dataSource);
        store = new JdbcSessionStore(dataSource, new Transactions() {
            @Override
            public <T> T run(Work<T> work) throws SQLException {
                return separate.run(work);
            }

            @Override
            public <T> T run(long key, Work<T> work) throws SQLException {
                keys.add(key);
                return separate.run(work);
            }
        });
        PostedMessage prompt = new PostedMessage("C1", "100.2");

        store.recordPosted(session.id(), prompt);
        store.recordPosted(session.id(), prompt);

        assertEquals(List.of(prompt), store.postedMessages(session.id()), "recorded once; the second changes nothing");
        assertEquals(
                List.of(session.id(), session.id()),
                keys,
                "each committed with its session's other changes (on H2, in a group commit), not on its own");
    }

    @Test
    void migratesAnExistingDatabaseWithoutLosingData() {
        Session session = openSession("100.1");
        dataSource.close();

        dataSource = database.open();
        store = new JdbcSessionStore(dataSource);

        assertEquals(session, store.find(session.id()).orElseThrow());
        assertTrue(store.isHealthy());
    }
}
