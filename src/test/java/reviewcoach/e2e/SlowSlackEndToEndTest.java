package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.service.RetryPolicy;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.Failure;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.HomeEvents;

/**
 * One session's slow Slack call does not hold back other sessions' messages: the courier claims more as soon as any of
 * its workers is free, not when a whole batch is done. Here one call hangs for longer than the test waits for anything.
 */
class SlowSlackEndToEndTest {

    /** The fake answers the hung call this late; the test ends (and closes the fake) long before. */
    private static final Duration HANG = RunningService.WAIT.multipliedBy(6);

    /** Longer than the hang, so the call stays in flight for the whole test instead of being cut off and retried. */
    private static final ReviewCoach.Tuning PATIENT =
            new ReviewCoach.Tuning(RetryPolicy.standard(), HANG.multipliedBy(2));

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(folder, slack, null, PATIENT);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close(); // first, so the hung call ends and the service stops at once
        service.close();
    }

    @Test
    void anotherSessionGoesOnWhileOneSessionsCallHangs() {
        SessionFlow stuck = new SessionFlow(service, slack).start("The dentist was forty minutes late.");
        slack.failNext("reactions.add", Failure.slow(HANG));
        stuck.reply("U0ANA", "A review posted on Monday says the appointment started forty minutes late.");

        SessionFlow other = new SessionFlow(service, slack).start("Nobody called me back about my bill.");
        other.reply("U0BOB", "next");
        assertEquals("Step 2 of 10 · Thought", SessionFlow.stepTitle(other.awaitPrompt(2)));
        other.reply("U0BOB", "next");
        assertEquals("Step 3 of 10 · Feeling", SessionFlow.stepTitle(other.awaitPrompt(3)));

        assertTrue(slack.calls("reactions.add").isEmpty(), "the first session's call is still hanging");
    }

    /**
     * A line's reaction is written already claimed by the instance that took the line, and handed to its courier: its
     * claim runs from the moment it was written (a claim taken from the outbox would run from a later one).
     */
    @Test
    void aLinesReactionIsWrittenClaimedByTheInstanceThatTookIt() throws Exception {
        SessionFlow flow = new SessionFlow(service, slack).start("The dentist was forty minutes late.");
        slack.failNext("reactions.add", Failure.slow(HANG));
        flow.reply("U0ANA", "A review posted on Monday says the appointment started forty minutes late.");
        slack.awaitPlannedFailuresTaken("reactions.add", RunningService.WAIT);

        try (Connection connection = service.connectToDatabase();
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("SELECT status, claimed_by, created_at, claimed_until FROM outbox"
                                + " WHERE kind = 'ACKNOWLEDGE'")) {
            assertTrue(row.next(), "the reaction is still owed while its call hangs");
            assertEquals("SENDING", row.getString("status"));
            assertTrue(row.getString("claimed_by") != null);
            Duration claimFromWriting = Duration.between(
                    row.getObject("created_at", OffsetDateTime.class),
                    row.getObject("claimed_until", OffsetDateTime.class));
            assertEquals(
                    Duration.ofMinutes(2), claimFromWriting, "the service's lease, from the moment it was written");
        }
    }

    @Test
    void aPersonsHomeIsPublishedWhileThreeOtherHomesHangInSlack() {
        slack.failNext("views.publish", 3, Failure.slow(HANG));
        for (String user : List.of("U0ANA", "U0BOB", "U0CARA")) {
            openHome(user);
        }
        slack.awaitPlannedFailuresTaken("views.publish", RunningService.WAIT);

        openHome("U0DAN");

        FakeSlackApi.Call published =
                slack.awaitCalls("views.publish", 1, RunningService.WAIT).get(0);
        assertEquals("U0DAN", published.param("user_id"), "the three hung homes are still on their way");
    }

    private void openHome(String user) {
        AppClient.Reply reply = service.client().send(service.requests().event(HomeEvents.homeOpened(user)));
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void aButtonIsAcknowledgedAtOnceWhileItsPrivateAnswerIsStillOnItsWay() {
        SessionFlow flow = new SessionFlow(service, slack).start("The dentist was forty minutes late.");
        FakeSlackApi.Call first = flow.awaitPrompt(1);
        slack.failNext(FakeSlackApi.responseUrlMethod("back"), Failure.slow(HANG));

        AppClient.Reply pressed = flow.press("step_back", first, "U0ANA", "back");

        assertEquals(200, pressed.status(), pressed.body());
        assertTrue(
                slack.calls(FakeSlackApi.responseUrlMethod("back")).isEmpty(),
                "acknowledged before Slack took the answer (\"This is the first step\")");
        slack.awaitQuiet(java.time.Duration.ofMillis(200), RunningService.WAIT);
        assertTrue(slack.calls(FakeSlackApi.responseUrlMethod("back")).isEmpty(), "the answer is still hanging");
    }
}
