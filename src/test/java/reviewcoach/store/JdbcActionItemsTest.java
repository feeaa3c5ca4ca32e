package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.ActionItem;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.service.ActionItemTransaction;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.SessionTransaction;
import reviewcoach.summary.FollowUp;
import reviewcoach.testing.TestDatabase;

class JdbcActionItemsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final Instant DUE_MORNING = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcSessionStore store;
    private long sessionId;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        store = new JdbcSessionStore(dataSource);
        Session session = store.inTransaction(
                tx -> tx.createSession("T0TEST", "C0REVIEWS", "U0ALICE", new Review("Slow.", null, null), null, NOW));
        sessionId = session.id();
        store.inTransaction(tx -> {
            tx.actionItems()
                    .add(
                            sessionId,
                            "T0TEST",
                            1,
                            new ActionItem("call back", "U0BOB", LocalDate.of(2026, 12, 3)),
                            NOW,
                            DUE_MORNING);
            tx.actionItems().add(sessionId, "T0TEST", 2, new ActionItem("put a sign up", null, null), NOW, null);
            return null;
        });
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
        database.close();
    }

    @Test
    void itemsAreKeptInOrderWithTheirOwnersAndDueDates() {
        List<FollowUp> items = store.inTransaction(tx -> tx.actionItems().ofSession(sessionId));
        assertEquals(2, items.size());
        assertEquals("call back", items.get(0).description());
        assertEquals("U0BOB", items.get(0).owner());
        assertEquals(LocalDate.of(2026, 12, 3), items.get(0).due());
        assertEquals(2, items.get(1).position());
        assertFalse(items.get(1).hasOwner());
    }

    @Test
    void anItemIsMarkedDoneOnceAndIsNeverRemindedAfterwards() {
        long id = firstItem().id();
        assertTrue(check(tx -> tx.actionItems().markDone(id, "U0BOB", NOW)));
        assertFalse(check(tx -> tx.actionItems().markDone(id, "U0CARA", NOW)), "once");
        FollowUp done = firstItem();
        assertEquals("U0BOB", done.doneBy());
        assertTrue(store.inTransaction(tx -> tx.actionItems().dueReminders(DUE_MORNING.plusSeconds(86_400), 10))
                .isEmpty());
    }

    @Test
    void aDueReminderIsClaimedByOneClaimerOnly() {
        List<ActionItemTransaction.DueReminder> due =
                store.inTransaction(tx -> tx.actionItems().dueReminders(DUE_MORNING, 10));
        assertEquals(1, due.size());
        assertEquals(DUE_MORNING, due.get(0).at());
        Instant next = DUE_MORNING.plusSeconds(86_400);
        assertTrue(check(tx -> tx.actionItems().claimReminder(due.get(0).itemId(), DUE_MORNING, next, NOW)));
        assertFalse(
                check(tx -> tx.actionItems().claimReminder(due.get(0).itemId(), DUE_MORNING, next, NOW)),
                "a second claimer of the same reminder gets nothing");
        assertTrue(store.inTransaction(tx -> tx.actionItems().dueReminders(DUE_MORNING, 10))
                .isEmpty());
        assertEquals(
                1,
                store.inTransaction(tx -> tx.actionItems().dueReminders(next, 10))
                        .size());
    }

    @Test
    void theSummarysPlaceIsRemembered() {
        PostedMessage summary = new PostedMessage("C0MANAGERS", "1700000000.000500");
        store.inTransaction(tx -> {
            tx.actionItems().summaryPosted(sessionId, summary);
            return null;
        });
        assertEquals(
                summary,
                store.inTransaction(tx -> tx.actionItems().summaryOf(sessionId)).orElseThrow());
    }

    @Test
    void deletingTheSessionDeletesItsItems() {
        store.inTransaction(tx -> {
            tx.deleteSession(sessionId);
            return null;
        });
        assertTrue(
                store.inTransaction(tx -> tx.actionItems().ofSession(sessionId)).isEmpty());
    }

    private boolean check(Function<SessionTransaction, Boolean> work) {
        return store.inTransaction(work);
    }

    private FollowUp firstItem() {
        return store.inTransaction(tx -> tx.actionItems().ofSession(sessionId)).get(0);
    }
}
