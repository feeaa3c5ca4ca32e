package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
import reviewcoach.service.Retention;

class JdbcSessionStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path directory;

    private HikariDataSource dataSource;
    private JdbcSessionStore store;
    private JdbcOutbox outbox;

    @BeforeEach
    void openDatabase() {
        dataSource = Database.open("jdbc:h2:file:" + directory.resolve("store").toAbsolutePath(), null, null);
        store = new JdbcSessionStore(dataSource);
        outbox = new JdbcOutbox(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
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
    void theOutboxHandsOutTheOldestPendingDeliveryOfEachSession() {
        Session first = openSession("100.1");
        Session second = openSession("100.2");
        store.inTransaction(tx -> {
            tx.enqueue(first.id(), DeliveryKind.PROMPT, "CIRCUMSTANCE", NOW);
            tx.enqueue(second.id(), DeliveryKind.PROMPT, "CIRCUMSTANCE", NOW);
            tx.enqueue(first.id(), DeliveryKind.REFRESH_ROOT, null, NOW);
            return null;
        });

        List<Delivery> heads = outbox.dueHeads(NOW, 10);
        assertEquals(
                List.of(first.id(), second.id()),
                heads.stream().map(Delivery::sessionId).toList());
        assertEquals(DeliveryKind.PROMPT, heads.get(0).kind());

        outbox.retryLater(heads.get(0).id(), NOW.plusSeconds(30), "http_500");
        assertEquals(
                List.of(second.id()),
                outbox.dueHeads(NOW, 10).stream().map(Delivery::sessionId).toList(),
                "a session waits while its oldest delivery waits, so its messages stay in order");
        assertEquals(Optional.of(NOW), outbox.nextDue());

        Delivery retried = outbox.dueHeads(NOW.plusSeconds(31), 10).get(0);
        assertEquals(1, retried.attempts());
        outbox.markSent(retried.id());
        Delivery next = outbox.dueHeads(NOW.plusSeconds(31), 10).stream()
                .filter(delivery -> delivery.sessionId() == first.id())
                .findFirst()
                .orElseThrow();
        assertEquals(DeliveryKind.REFRESH_ROOT, next.kind());
        outbox.markFailed(next.id(), "channel_not_found");
        assertTrue(outbox.dueHeads(NOW.plusSeconds(31), 10).stream()
                .noneMatch(delivery -> delivery.sessionId() == first.id()));
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
        assertEquals(List.of(), outbox.dueHeads(NOW, 10));
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
    void migratesAnExistingDatabaseWithoutLosingData() {
        Session session = openSession("100.1");
        dataSource.close();

        dataSource = Database.open("jdbc:h2:file:" + directory.resolve("store").toAbsolutePath(), null, null);
        store = new JdbcSessionStore(dataSource);

        assertEquals(session, store.find(session.id()).orElseThrow());
        assertTrue(store.isHealthy());
    }
}
