package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MutableClock;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.TestDatabase;
import reviewcoach.testing.TestWorkspace;

/** Two instances on one PostgreSQL database both look for due reminders often; each reminder still goes out once. */
@EnabledIfEnvironmentVariable(
        named = "TEST_DATABASE",
        matches = "(?i)postgres",
        disabledReason = "needs a database two instances can share: run with TEST_DATABASE=postgres")
class ReminderInstancesEndToEndTest {

    private static final String SUMMARY_CHANNEL = "C0MANAGERS";
    private static final String BOB = "U0BOB";
    private static final String CARA = "U0CARA";

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private TestDatabase database;
    private RunningService first;
    private RunningService second;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T15:00:00Z"));

    @BeforeEach
    void startTwoInstances() throws Exception {
        slack = FakeSlackApi.start();
        slack.timeZone(BOB, "Europe/Berlin");
        slack.timeZone(CARA, "Europe/Berlin");
        database = TestDatabase.create(folder);
        SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET, clock);
        ReviewCoach.Tuning tuning = ReviewCoach.Tuning.standard().withReminderPoll(Duration.ofMillis(5));
        first = RunningService.startAnother(database, slack, SUMMARY_CHANNEL, requests, tuning, clock);
        second = RunningService.startAnother(database, slack, SUMMARY_CHANNEL, requests, tuning, clock);
    }

    @AfterEach
    void stopAll() throws Exception {
        first.close();
        second.close();
        database.close();
        slack.close();
    }

    @Test
    void eachReminderIsSentOnceByOneOfTwoInstances() throws Exception {
        FollowUpFlow flow = new FollowUpFlow(first, slack, SUMMARY_CHANNEL);
        String[] plan = new String[20];
        for (int i = 0; i < plan.length; i++) {
            plan[i] = "action: follow-up number " + i + " <@" + (i % 2 == 0 ? BOB : CARA) + "> by 2026-12-02";
        }
        flow.toPlan("The receptionist hung up on me.").finishWith(plan);
        second.awaitOutboxEmpty();

        clock.set(Instant.parse("2026-12-02T08:00:00Z")); // 09:00 in Berlin
        flow.awaitReminders(BOB, 10);
        flow.awaitReminders(CARA, 10);
        Thread.sleep(500);
        first.awaitOutboxEmpty();
        second.awaitOutboxEmpty();
        assertEquals(10, flow.reminders(BOB).size(), "each of Bob's ten items reminded once");
        assertEquals(10, flow.reminders(CARA).size(), "each of Cara's ten items reminded once");

        clock.set(Instant.parse("2026-12-03T08:00:00Z")); // the next morning: overdue, reminded again, once
        flow.awaitReminders(BOB, 20);
        Thread.sleep(500);
        first.awaitOutboxEmpty();
        second.awaitOutboxEmpty();
        assertEquals(20, flow.reminders(BOB).size());
        assertEquals(20, flow.reminders(CARA).size());
    }
}
