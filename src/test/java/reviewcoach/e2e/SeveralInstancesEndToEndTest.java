package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.SessionStatus;
import reviewcoach.dialogue.Step;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.Failure;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SignedRequest;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.TestDatabase;
import reviewcoach.testing.TestWorkspace;

/**
 * Two instances of the service on one PostgreSQL database, as behind a load balancer: one session's requests and
 * Slack's retries of them land on both at once, and still every line is kept once and every message posted once.
 */
@EnabledIfEnvironmentVariable(
        named = "TEST_DATABASE",
        matches = "(?i)postgres",
        disabledReason = "needs a database two processes can share: run with TEST_DATABASE=postgres")
class SeveralInstancesEndToEndTest {

    private static final String SUMMARY_CHANNEL = "C0MANAGERS";
    private static final Duration QUIET = Duration.ofMillis(500);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private TestDatabase database;
    private RunningService first;
    private RunningService second;
    private final ExecutorService slackSending = Executors.newFixedThreadPool(6);
    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeEach
    void startTwoInstances() throws Exception {
        slack = FakeSlackApi.start();
        // Every post takes a moment, so one instance is still sending while the other looks for work.
        for (String method : List.of("chat.postMessage", "chat.update", "reactions.add")) {
            slack.failAlways(method, Failure.slow(Duration.ofMillis(30)));
        }
        database = TestDatabase.create(folder);
        SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET);
        first = RunningService.startAnother(database, slack, SUMMARY_CHANNEL, requests);
        second = RunningService.startAnother(database, slack, SUMMARY_CHANNEL, requests);
    }

    @AfterEach
    void stopAll() throws Exception {
        slackSending.shutdownNow();
        pools.forEach(HikariDataSource::close);
        first.close();
        second.close();
        database.close();
        slack.close();
    }

    @Test
    void oneSessionSpreadOverTwoInstancesWithRetriesIsActedOnOnce() throws Exception {
        SessionFlow flow = new SessionFlow(first, slack).start("The front desk lost my file. Rude people!");
        List<ChatMessage> accepted = new ArrayList<>();
        List<ChatMessage> kept = new ArrayList<>();

        for (int i = 1; i <= 5; i++) {
            accepted.add(say(flow, i, "U0P" + i, "A review on Google says the file was lost (" + i + ")"));
        }
        ChatMessage questioned = say(flow, 6, "U0P6", "The receptionist was rude");
        say(flow, 7, "U0P7", "next");
        assertEquals("Step 2 of 10 · Thought", SessionFlow.stepTitle(flow.awaitPrompt(2)));
        // One thought, so Next moves straight on (several would first ask the team to pick one).
        accepted.add(say(flow, 8, "U0P8", "We didn't deserve this."));

        FakeSlackApi.Call thoughtPrompt = flow.awaitPrompt(2);
        List<Callable<AppClient.Reply>> presses =
                List.of(() -> flow.press("step_next", thoughtPrompt, "U0P1", "press-first"), () -> flow.via(second)
                        .press("step_next", thoughtPrompt, "U0P2", "press-second"));
        for (Future<AppClient.Reply> pressed : slackSending.invokeAll(presses)) {
            assertEquals(200, pressed.get().status());
        }
        assertEquals("Step 3 of 10 · Feeling", SessionFlow.stepTitle(flow.awaitPrompt(3)));
        accepted.add(say(flow, 11, "U0P1", "Worried"));
        say(flow, 12, TestWorkspace.USER_ID, "done");

        slack.awaitCalls("chat.postMessage", 1 + 3 + 1 + 1 + 1, RunningService.WAIT.multipliedBy(3));
        slack.awaitQuiet(QUIET, RunningService.WAIT.multipliedBy(3));
        kept.addAll(accepted);
        kept.add(questioned);

        JdbcSessionStore store = first.openStore(pools);
        Session session =
                store.findByThread(TestWorkspace.CHANNEL_ID, flow.thread()).orElseThrow();
        assertEquals(SessionStatus.FINISHED, session.status());
        assertEquals(Step.FEELING, session.step(), "two Next presses at once moved one step");
        assertEquals(
                kept.stream().map(ChatMessage::ts).sorted().toList(),
                store.contributions(session.id()).stream()
                        .map(Contribution::messageId)
                        .sorted()
                        .toList(),
                "every line kept once");

        assertEquals(
                accepted.stream().map(ChatMessage::ts).sorted().toList(),
                slack.calls("reactions.add").stream()
                        .map(call -> call.param("timestamp"))
                        .sorted()
                        .toList(),
                "one reaction per accepted line");
        assertEquals(
                List.of("Step 1 of 10 · Circumstance", "Step 2 of 10 · Thought", "Step 3 of 10 · Feeling"),
                flow.prompts().stream().map(SessionFlow::stepTitle).toList(),
                "each prompt once, in order");
        assertEquals(3, slack.calls("chat.update").size(), "the opening message refreshed after two moves and the end");
        assertEquals(1, postsTo(SUMMARY_CHANNEL).size(), "one summary");
        String summary = postsTo(SUMMARY_CHANNEL).get(0).jsonParam("blocks").toString();
        for (ChatMessage line : kept) {
            String text = "<@" + line.user() + ">: " + line.text().replace("\"", "\\\"");
            assertEquals(summary.indexOf(text), summary.lastIndexOf(text), "once in the summary: " + text);
            assertTrue(summary.contains(text), "in the summary: " + text);
        }

        List<String> inThread =
                threadPosts(flow).stream().map(call -> call.param("text")).toList();
        assertEquals(5, inThread.size(), "three prompts, one question and a closing note: " + inThread);
        assertTrue(inThread.get(1).contains("rude"), "the question came between the first two prompts: " + inThread);
        assertTrue(inThread.get(4).contains(SUMMARY_CHANNEL), "the closing note came last: " + inThread);
    }

    /**
     * A person writes in the thread. Slack sends the event to one instance and, as if the answer were late, retries
     * it twice, the first retry at the other instance, all at the same moment.
     */
    private ChatMessage say(SessionFlow flow, int turn, String user, String text) throws Exception {
        ChatMessage message = ChatMessage.reply(flow.thread(), text).withUser(user);
        ObjectNode event = MessageEvents.message(message);
        RunningService original = turn % 2 == 0 ? first : second;
        RunningService other = turn % 2 == 0 ? second : first;
        SlackRequests requests = original.requests();
        String eventId = requests.nextEventId();
        SignedRequest delivery = requests.event(eventId, event);
        List<SignedRequest> deliveries = List.of(delivery, delivery.asRetry(), delivery.asRetry(2, "http_timeout"));
        List<Callable<AppClient.Reply>> sends = List.of(
                () -> original.client().send(deliveries.get(0)),
                () -> other.client().send(deliveries.get(1)),
                () -> original.client().send(deliveries.get(2)));
        for (Future<AppClient.Reply> reply : slackSending.invokeAll(sends)) {
            assertEquals(200, reply.get().status(), reply.get().body());
        }
        return message;
    }

    private List<FakeSlackApi.Call> postsTo(String channel) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.param("channel")))
                .toList();
    }

    private List<FakeSlackApi.Call> threadPosts(SessionFlow flow) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> flow.thread().equals(call.param("thread_ts")))
                .toList();
    }
}
