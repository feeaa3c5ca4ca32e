package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.service.RetryPolicy;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.Failure;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.SlashCommand;

/**
 * What the service owes Slack arrives however Slack fails on the way, through the real service and the fake Slack Web
 * API: rate limits, server errors, dropped connections, a slow Slack, permanent refusals, and Slack down at start-up.
 * The retry delays are shortened through {@link ReviewCoach.Tuning}; only Slack's own {@code Retry-After} is waited in
 * full. Times are only ever checked from below.
 */
class DeliveryFaultsEndToEndTest {

    private static final Duration FIRST_DELAY = Duration.ofMillis(100);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration QUIET = Duration.ofMillis(300);
    /** The fake answers this late; the test ends (and closes the fake) long before. */
    private static final Duration SLOWER_THAN_ANY_WAIT = RunningService.WAIT.multipliedBy(3);

    /** Backoff 50, 100, 200, 200... ms: the jitter source always says 0, which takes half of each delay. */
    private static final ReviewCoach.Tuning FAST =
            new ReviewCoach.Tuning(new RetryPolicy(FIRST_DELAY, Duration.ofMillis(200), 100, () -> 0.0), CALL_TIMEOUT);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(folder, slack, null, FAST);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @Test
    void aRateLimitedPostIsSentAgainNoSoonerThanRetryAfterAndArrivesOnce() {
        slack.failNext("chat.postMessage", Failure.rateLimited(1));

        startSession("The front desk never called me back.");

        List<FakeSlackApi.Call> posts = slack.awaitCalls("chat.postMessage", 3, RunningService.WAIT);
        assertEquals(
                List.of(429, 200, 200),
                posts.stream().map(FakeSlackApi.Call::status).toList());
        Duration waited = Duration.between(posts.get(0).at(), posts.get(1).at());
        assertTrue(waited.compareTo(Duration.ofSeconds(1)) >= 0, "waited only " + waited);
        assertNull(posts.get(1).param("thread_ts"), "the opening message, sent again");
        assertTrue(posts.get(2).param("blocks").contains("step_next"), "then the first prompt");
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(3, slack.calls("chat.postMessage").size(), "the opening message arrives once");
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedWithBackoffAndThePromptArrivesOnce() {
        SessionFlow session = new SessionFlow(service, slack).start("They lost my paperwork twice.");
        session.awaitPrompt(1);
        slack.failNext("chat.postMessage", 2, Failure.serverError(500));
        slack.failNext("chat.postMessage", 3, Failure.dropConnection());

        session.reply("U0BOB", "next");

        awaitAnswered(session, "Step 2 of 10 · Thought");
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        List<FakeSlackApi.Call> attempts =
                session.prompts().subList(1, session.prompts().size());
        List<Integer> statuses =
                attempts.stream().map(FakeSlackApi.Call::status).toList();
        assertEquals(List.of(500, 500), statuses.subList(0, 2), "two server errors first: " + statuses);
        assertEquals(
                3,
                statuses.stream()
                        .filter(status -> status == FakeSlackApi.Call.NO_ANSWER)
                        .count(),
                statuses.toString());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "arrives once: " + statuses);
        assertEquals(200, statuses.get(statuses.size() - 1));
        assertAtLeast(Duration.ofMillis(50), attempts.get(0), attempts.get(1));
        assertAtLeast(Duration.ofMillis(100), attempts.get(1), attempts.get(2));
        assertEquals("Step 2 of 10 · Thought", SessionFlow.stepTitle(attempts.get(attempts.size() - 1)));
    }

    @Test
    void aCallSlowerThanTheTimeoutIsCutOffAndSentAgain() {
        SessionFlow session = new SessionFlow(service, slack).start("Nobody answered the phone.");
        session.awaitPrompt(1);
        slack.failNext("chat.update", Failure.slow(SLOWER_THAN_ANY_WAIT));

        session.reply("U0BOB", "next");

        FakeSlackApi.Call again =
                slack.awaitCalls("chat.update", 1, RunningService.WAIT).get(0);
        assertEquals(200, again.status(), "the second attempt, answered while the first still waits");
        assertAtLeast(CALL_TIMEOUT, awaitAnswered(session, "Step 2 of 10 · Thought"), again);
        session.reply("U0BOB", "next");
        assertEquals("Step 3 of 10 · Feeling", SessionFlow.stepTitle(session.awaitPrompt(3)), "the session goes on");
    }

    @Test
    void permanentRefusalsAreNotRetriedAndAreRecordedAsFailed() throws Exception {
        SessionFlow session = new SessionFlow(service, slack).start("Waited forty minutes.");
        session.awaitPrompt(1);
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        slack.failNext("chat.postMessage", Failure.error("invalid_blocks"));
        slack.failNext("chat.update", Failure.error("channel_not_found"));

        session.reply("U0BOB", "next");
        slack.awaitCalls("chat.update", 1, RunningService.WAIT);
        session.reply("U0BOB", "next");

        assertEquals("Step 3 of 10 · Feeling", SessionFlow.stepTitle(session.awaitPrompt(3)), "later ones still go");
        awaitOutboxDrained();
        assertEquals(
                1,
                session.prompts().stream()
                        .filter(p -> SessionFlow.stepTitle(p).endsWith("Thought"))
                        .count());
        List<String> failed = outbox("FAILED");
        assertEquals(List.of("PROMPT THOUGHT 1 invalid_blocks", "REFRESH_ROOT null 1 channel_not_found"), failed);
    }

    @Test
    void slackDownAtStartUpTheServiceStillServesAndWhatItOwedArrivesInOrderOnceSlackIsBack() throws Exception {
        SessionFlow first = new SessionFlow(service, slack).start("The hygienist was rough.");
        first.awaitPrompt(1);
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        service.stopService();
        for (String method : List.of("auth.test", "chat.postMessage", "chat.update", "reactions.add")) {
            slack.failAlways(method, Failure.serverError(503));
        }

        service.startService();
        assertEquals(200, service.client().get("/healthz").status());
        first.reply("U0BOB", "next");
        first.reply("U0BOB", "next");
        AppClient.Reply started = startSession("Billed me twice.");
        assertEquals(200, started.status(), started.body());
        awaitRefusedPost(call -> first.thread().equals(call.param("thread_ts")));
        awaitRefusedPost(call -> call.param("thread_ts") == null);
        slack.reset();

        awaitOutboxDrained();
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertEquals(4, slack.calls("chat.postMessage").size(), "each once: " + posts);
        assertEquals(
                List.of("Step 2 of 10 · Thought", "Step 3 of 10 · Feeling"),
                titlesIn(first.thread(), posts),
                "the first thread's prompts, in order");
        assertEquals(1, roots().size(), "the second session's opening message");
        List<String> inSecondThread = posts.stream()
                .filter(call ->
                        call.param("thread_ts") != null && !first.thread().equals(call.param("thread_ts")))
                .map(SessionFlow::stepTitle)
                .toList();
        assertEquals(List.of("Step 1 of 10 · Circumstance"), inSecondThread, "then its first prompt");
    }

    private AppClient.Reply startSession(String review) {
        return service.client()
                .send(service.requests()
                        .slashCommand(SlashCommand.of("/review", review).withResponseUrl(slack.responseUrl("start"))));
    }

    private List<FakeSlackApi.Call> roots() {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("thread_ts") == null)
                .toList();
    }

    /** The titles of the prompts posted in a thread, in the order Slack received them. */
    private static List<String> titlesIn(String thread, List<FakeSlackApi.Call> posts) {
        return posts.stream()
                .filter(call -> thread.equals(call.param("thread_ts")))
                .filter(call ->
                        call.param("blocks") != null && call.param("blocks").contains("step_next"))
                .map(SessionFlow::stepTitle)
                .toList();
    }

    /** Waits until Slack, being down, refused a post like this. */
    private void awaitRefusedPost(Predicate<FakeSlackApi.Call> like) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (slack.calls("chat.postMessage").stream().noneMatch(call -> call.status() == 503 && like.test(call))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no refused post like that: " + slack.calls());
            }
            slack.awaitQuiet(Duration.ofMillis(10), RunningService.WAIT);
        }
    }

    /** Waits until the prompt with this title was answered with a 200, and returns that call. */
    private FakeSlackApi.Call awaitAnswered(SessionFlow session, String title) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (FakeSlackApi.Call prompt : session.prompts()) {
                if (prompt.status() == 200 && SessionFlow.stepTitle(prompt).equals(title)) {
                    return prompt;
                }
            }
            slack.awaitQuiet(Duration.ofMillis(10), RunningService.WAIT);
        }
        throw new AssertionError("no answered prompt '" + title + "': " + slack.calls());
    }

    private static void assertAtLeast(Duration least, FakeSlackApi.Call earlier, FakeSlackApi.Call later) {
        Duration between = Duration.between(earlier.at(), later.at());
        assertTrue(between.compareTo(least) >= 0, "expected at least " + least + " between attempts, was " + between);
    }

    /** Waits until the outbox holds nothing pending or being sent: everything owed was sent, or given up. */
    private void awaitOutboxDrained() {
        service.awaitOutboxEmpty();
    }

    /** The outbox rows with this status, oldest first, as "KIND subject attempts last_error". */
    private List<String> outbox(String status) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = service.connectToDatabase();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT kind, subject, attempts, last_error FROM outbox WHERE status = ? ORDER BY id")) {
            query.setString(1, status);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getInt(3) + " " + row.getString(4));
                }
            }
        }
        return rows;
    }
}
