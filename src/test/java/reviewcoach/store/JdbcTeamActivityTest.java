package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Step;
import reviewcoach.service.Delivery;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.DigestAddress;
import reviewcoach.summary.OwnerLoad;
import reviewcoach.summary.PeriodCounts;
import reviewcoach.summary.PeriodPicture;
import reviewcoach.summary.SessionLine;
import reviewcoach.summary.Tally;
import reviewcoach.testing.TestDatabase;

/**
 * The queries behind the App Home, {@code /review list} and the digest, on a store with a few thousand sessions: what
 * they return, that private sessions stay their starter's, and that each uses its index (H2 and PostgreSQL alike).
 */
class JdbcTeamActivityTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String TEAM = "T0TEAM";
    private static final String CHANNEL = "C0REVIEWS";
    private static final String ALICE = "U0ALICE";
    private static final String BOB = "U0BOB";
    private static final int SESSIONS = 3_000;

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcTeamActivity activity;

    @BeforeEach
    void open() throws SQLException {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        activity = new JdbcTeamActivity(dataSource);
        seed();
    }

    @AfterEach
    void close() {
        dataSource.close();
        database.close();
    }

    /**
     * Sessions one an hour going back: every tenth open, in ten channels; Bob's private ones run in his DM. The newest
     * session, in {@link #CHANNEL}, is open; the one before it is Bob's private open session.
     */
    private void seed() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (id, workspace, channel,"
                        + " thread, starter, review_text, step, status, started_at, finished_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < SESSIONS; i++) {
                boolean open = i % 10 == 0 || i == 1;
                boolean bobsPrivate = i % 7 == 1;
                Instant started = NOW.minus(Duration.ofHours(i + 1));
                insert.setLong(1, i + 1);
                insert.setString(2, TEAM);
                insert.setString(3, bobsPrivate ? "D0BOB" : "C0CH" + (i % 10 == 0 ? "REVIEWS" : i % 10));
                insert.setString(4, "1700000000." + String.format("%06d", i));
                insert.setString(5, bobsPrivate ? BOB : ALICE);
                insert.setString(6, "Review number " + i);
                insert.setString(7, open ? "FEELING" : "RESPONSE_PLAN");
                insert.setString(8, open ? "OPEN" : "FINISHED");
                insert.setObject(9, started.atOffset(ZoneOffset.UTC));
                insert.setObject(
                        10,
                        open
                                ? null
                                : started.plus(Duration.ofMinutes(30 + i % 3 * 15))
                                        .atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
            try (Statement fix = connection.createStatement()) {
                fix.executeUpdate("UPDATE sessions SET channel = '" + CHANNEL + "' WHERE channel = 'C0CHREVIEWS'");
            }
            try (PreparedStatement feeling = connection.prepareStatement("INSERT INTO contributions (session_id,"
                            + " message_id, step, author, text, written_at) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement item = connection.prepareStatement("INSERT INTO action_items (session_id,"
                            + " workspace, position, description, owner, due_date, status, created_at)"
                            + " VALUES (?, ?, 1, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < SESSIONS; i++) {
                    Instant written = NOW.minus(Duration.ofHours(i + 1)).plusSeconds(60);
                    feeling.setLong(1, i + 1);
                    feeling.setString(2, "m" + i);
                    feeling.setString(3, i % 2 == 0 ? "FEELING" : "NEW_FEELING");
                    feeling.setString(4, ALICE);
                    feeling.setString(5, i % 2 == 0 ? (i % 4 == 0 ? "Anxious" : "angry.") : "calm");
                    feeling.setObject(6, written.atOffset(ZoneOffset.UTC));
                    feeling.addBatch();
                    if (i < 40) {
                        item.setLong(1, i + 1);
                        item.setString(2, TEAM);
                        item.setString(3, "Follow-up " + i);
                        item.setString(4, i % 2 == 0 ? ALICE : "U0CAROL");
                        item.setObject(5, i % 4 == 0 ? LocalDate.parse("2026-11-01") : null);
                        item.setString(6, i % 5 == 4 ? "DONE" : "OPEN");
                        item.setObject(7, NOW.atOffset(ZoneOffset.UTC));
                        item.addBatch();
                    }
                }
                feeling.executeBatch();
                item.executeBatch();
            }
            connection.commit();
        }
    }

    @Test
    void openSessionsAreNewestFirstAndPrivateOnesOnlyTheirStarters() {
        List<SessionLine> alices = activity.openSessions(TEAM, ALICE, 5);
        assertEquals(5, alices.size());
        assertEquals(1, alices.get(0).id(), "the newest first");
        assertTrue(alices.stream().noneMatch(line -> line.channel().equals("D0BOB")), "Bob's DM stays his");

        List<SessionLine> bobs = activity.openSessions(TEAM, BOB, 5);
        assertEquals(2, bobs.get(1).id(), "Bob sees his own private session");
    }

    @Test
    void aChannelListsOnlyItsOwnOpenSessions() {
        List<SessionLine> open = activity.openInChannel(TEAM, CHANNEL, ALICE, 15);
        assertEquals(15, open.size());
        assertTrue(open.stream().allMatch(line -> line.channel().equals(CHANNEL) && line.finishedAt() == null));
        assertTrue(activity.openInChannel(TEAM, "C0NOWHERE", ALICE, 15).isEmpty());
    }

    @Test
    void recentlyFinishedAndMyItemsAreBounded() {
        List<SessionLine> finished = activity.recentlyFinished(TEAM, ALICE, NOW.minus(Duration.ofDays(90)), 5);
        assertEquals(5, finished.size());
        assertTrue(finished.get(0).finishedAt().isAfter(finished.get(4).finishedAt()));
        assertTrue(activity.openItemsOf(TEAM, ALICE, 50).stream()
                .allMatch(item -> item.description().startsWith("Follow-up")));
        assertEquals(
                LocalDate.parse("2026-11-01"),
                activity.openItemsOf(TEAM, ALICE, 1).get(0).dueDate(),
                "the items with a due date first");
    }

    @Test
    void aPictureCountsTheTeamsPublicSessionsAndFeelings() {
        Instant from = NOW.minus(Duration.ofDays(1));
        PeriodPicture day = activity.picture(TEAM, from, NOW);
        // Sessions 0..23 started in the last day; 4 of them (1, 8, 15, 22) are Bob's private ones.
        assertEquals(20, day.started());
        assertEquals(
                List.of("angry", "anxious"), // five each: a tie goes alphabetically
                day.feelingsBefore().stream().map(Tally::label).toList());
        assertEquals("calm", day.feelingsAfter().get(0).label());
        assertTrue(day.medianIfAny().isPresent());
        assertEquals(day, activity.picture(null, from, NOW), "one workspace: the same without naming it");
    }

    @Test
    void theCountsOfTwoStretchesAddUpToTheirWhole() {
        Instant from = NOW.minus(Duration.ofDays(10));
        Instant middle = NOW.minus(Duration.ofHours(30));
        assertEquals(
                activity.picture(TEAM, from, NOW),
                activity.counts(TEAM, from, middle)
                        .plus(activity.counts(TEAM, middle, NOW))
                        .picture());
        assertEquals(PeriodCounts.none(), activity.counts(TEAM, NOW, NOW), "an empty stretch reads nothing");
    }

    @Test
    void changesMoveWhenSomethingCountedIsTakenBack() {
        JdbcSessionStore store = new JdbcSessionStore(dataSource);
        assertEquals(0, activity.changes(TEAM));

        store.inTransaction(tx -> {
            tx.addContribution(5, new Contribution("m-new", Step.FEELING, ALICE, "hurt", null, NOW));
            return null;
        });
        assertEquals(0, activity.changes(TEAM), "a new line lands today: the earlier days stay true");

        store.inTransaction(tx -> {
            tx.replaceContribution(1, new Contribution("m0", Step.FEELING, ALICE, "calm", null, NOW));
            return null;
        });
        assertEquals(1, activity.changes(TEAM), "an edited line leaves its day for today");
        store.inTransaction(tx -> {
            tx.removeContribution(2, "m1");
            return null;
        });
        store.inTransaction(tx -> {
            tx.deleteSession(3);
            return null;
        });
        assertEquals(3, activity.changes(TEAM));
        assertEquals(0, activity.changes("T0ELSEWHERE"), "each workspace has its own");
    }

    /**
     * Two transactions each taking back the workspace's first change: the later insert finds the row made (H2 and
     * PostgreSQL make it wait for the first to commit), and its change is added there instead of failing its work.
     */
    @Test
    void twoFirstChangesAtOnceAreBothCounted() throws Exception {
        JdbcSessionStore store = new JdbcSessionStore(dataSource);
        CompletableFuture<Void> second;
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (Statement insert = first.createStatement()) {
                insert.executeUpdate("INSERT INTO picture_changes (workspace, changes) VALUES ('" + TEAM + "', 1)");
            }
            second = CompletableFuture.runAsync(() -> store.inTransaction(tx -> {
                tx.removeContribution(2, "m1");
                return null;
            }));
            Thread.sleep(300); // lets the second reach its insert and wait there; it counts either way
            first.commit();
        }
        second.get(30, TimeUnit.SECONDS);
        assertEquals(2, activity.changes(TEAM));
    }

    @Test
    void ownerLoadsCountOpenAndOverdueItemsOutsidePrivateSessions() {
        List<OwnerLoad> loads = activity.ownerLoads(null, LocalDate.parse("2026-11-25"), 10);
        assertFalse(loads.isEmpty());
        OwnerLoad alice = loads.stream()
                .filter(load -> load.owner().equals(ALICE))
                .findFirst()
                .orElseThrow();
        assertTrue(alice.overdue() > 0 && alice.overdue() <= alice.open());
    }

    @Test
    void aWeeksDigestIsClaimedOnceAndQueuedWithoutASession() {
        JdbcDigests digests = new JdbcDigests(dataSource);
        LocalDate week = LocalDate.parse("2026-11-23");
        Instant slot = Instant.parse("2026-11-23T09:00:00Z");
        DigestAddress managers = new DigestAddress("T0OFFICE", "C0MANAGERS");
        assertTrue(digests.claimWeek(managers, week, slot, NOW));
        assertFalse(digests.claimWeek(managers, week, slot, NOW.plusSeconds(1)), "a second claim loses");

        List<Delivery> due = new JdbcOutbox(dataSource, "test", Duration.ofMinutes(1)).claimDue(NOW, 10);
        assertEquals(1, due.size());
        assertEquals(DeliveryKind.DIGEST, due.get(0).kind());
        assertEquals(managers.subject(slot), due.get(0).subject());
    }

    @Test
    void everyListUsesItsIndex() throws SQLException {
        assertUses("sessions_workspace_status", JdbcTeamActivity.OPEN_IN_WORKSPACE, TEAM, ALICE, 11);
        assertUses("sessions_channel_status", JdbcTeamActivity.OPEN_IN_CHANNEL, TEAM, CHANNEL, ALICE, 15);
        assertUses(
                "sessions_finished",
                JdbcTeamActivity.RECENTLY_FINISHED,
                TEAM,
                NOW.minus(Duration.ofDays(90)).atOffset(ZoneOffset.UTC),
                ALICE,
                5);
        assertUses("action_items_owner", JdbcTeamActivity.ITEMS_OF_OWNER, TEAM, ALICE, ALICE, 15);
        Object from = NOW.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC);
        Object to = NOW.atOffset(ZoneOffset.UTC);
        assertUses("sessions_started", JdbcTeamActivity.startedSql(true), from, to, TEAM);
        assertUses("sessions_finished", JdbcTeamActivity.finishedSql(true), from, to, TEAM);
        assertUses("sessions_finished", JdbcTeamActivity.spansSql(true), from, to, TEAM);
        assertUses("contributions_step_written", JdbcTeamActivity.feelingsSql(true), "FEELING", from, to, TEAM);
    }

    /**
     * A picture of one day reads that day's feelings from the index, not every feeling ever named: with {@code step IN
     * ('FEELING', 'NEW_FEELING')}, H2 walked all 3,000 and checked the period after. (PostgreSQL bounds both columns
     * of the index either way; its plans are checked by {@link #everyListUsesItsIndex}.)
     */
    @Test
    void aPictureReadsOnlyItsPeriodsFeelings() throws SQLException {
        assumeFalse(TestDatabase.isPostgres(), "H2's own account of the rows it read");
        Object from = NOW.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC);
        Object to = NOW.atOffset(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain =
                        connection.prepareStatement("EXPLAIN ANALYZE " + JdbcTeamActivity.feelingsSql(true))) {
            Object[] parameters = {"FEELING", from, to, TEAM};
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan.getString(1));
                assertTrue(scanned.find(), plan.getString(1));
                int contributionsRead = Integer.parseInt(scanned.group(1));
                assertTrue(contributionsRead <= 20, "read " + contributionsRead + " of the day's 12 feelings");
            }
        }
    }

    /**
     * Asks the database how it would run a query and checks the plan names the index. On tables this small PostgreSQL
     * rightly prefers reading a whole table, so sequential scans are turned off there: the plan then shows whether the
     * index can serve the query, which is what counts with 100,000 sessions.
     */
    private void assertUses(String index, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (TestDatabase.isPostgres()) {
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE");
                    analyze.execute("SET enable_seqscan = off");
                }
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    explain.setObject(i + 1, parameters[i]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertTrue(
                        plan.toString().toLowerCase(Locale.ROOT).contains(index),
                        "expected " + index + " in the plan of " + sql + ":\n" + plan);
            }
        }
    }
}
