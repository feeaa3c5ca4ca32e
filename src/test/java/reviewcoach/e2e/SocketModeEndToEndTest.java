package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.service.RetryPolicy;
import reviewcoach.slack.socket.ReconnectTiming;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.FakeSocketMode;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;

/**
 * Slack reaches the service only over Socket Mode, as for an office without a public URL: the fake Web API hands out a
 * loopback WebSocket, which sends envelopes shaped like Slack's and reads the acknowledgements.
 */
class SocketModeEndToEndTest {

    private static final Duration WAIT = RunningService.WAIT;
    private static final String BOB = "U0BOB";
    /** Quick checks and short waits, so that a reconnect takes milliseconds. */
    private static final ReviewCoach.Tuning TUNING = new ReviewCoach.Tuning(
            RetryPolicy.standard(),
            Duration.ofSeconds(30),
            new ReconnectTiming(Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofMillis(400), () -> 0.0));

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private FakeSocketMode socket;
    private RunningService service;
    private String thread;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        socket = FakeSocketMode.start();
        slack.answerSocketModeWith(socket::nextUrl);
        service = RunningService.startInSocketMode(folder, slack, TUNING);
        socket.awaitConnections(1, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        socket.close();
        slack.close();
    }

    @Test
    void aSessionRunsOverTheSocketAndGoesOnAfterDropsAndRefreshes() {
        FakeSlackApi.Call open = slack.lastCall("apps.connections.open");
        assertEquals(RunningService.APP_TOKEN, open.token(), "Socket Mode asks with the app-level token");
        assertEquals("connected", health().path("socket_mode").asText(), health().toString());
        AppClient.Reply events =
                service.client().send(service.requests().event(MessageEvents.message(ChatMessage.topLevel("hi"))));
        assertEquals(404, events.status(), "without a signing secret, nothing is taken over HTTP");

        // /review over the socket: the ack carries the answer, and the thread opens.
        String command = socket.sendSlashCommand(
                SlashCommand.of("/review", "The front desk was rude & never called back. @channel")
                        .withResponseUrl(slack.responseUrl("start")));
        JsonNode ack = socket.awaitAck(command, WAIT);
        assertTrue(ack.path("payload").path("text").asText().contains("Starting a session"), ack.toString());
        List<FakeSlackApi.Call> posts = slack.awaitCalls("chat.postMessage", 2, WAIT);
        assertEquals(null, posts.get(0).param("thread_ts"));
        assertFalse(posts.get(0).param("blocks").contains("@channel"), "no broadcast echoed");
        thread = posts.get(1).param("thread_ts");
        assertEquals("Step 1 of 10 · Circumstance", SessionFlow.stepTitle(awaitPrompt(1)));

        // Thread replies: a clean circumstance is accepted; "next" moves on, and its redelivery is applied once.
        ChatMessage circumstance = reply(TestWorkspace.USER_ID, "A review on Google says \"the front desk was rude\"");
        assertEquals(
                circumstance.ts(),
                slack.awaitCalls("reactions.add", 1, WAIT).get(0).param("timestamp"));
        ObjectNode next = service.requests().eventEnvelope(service.requests().nextEventId(), next(BOB));
        socket.awaitAck(socket.sendEvent(next, 0), WAIT);
        assertEquals("Step 2 of 10 · Thought", SessionFlow.stepTitle(awaitPrompt(2)));
        String redelivery = socket.sendEvent(next, 1);
        assertTrue(socket.awaitAck(redelivery, WAIT).path("payload").isMissingNode(), "an event's ack is bare");
        service.awaitOutboxEmpty();
        slack.awaitQuiet(Duration.ofMillis(300), WAIT);
        assertEquals(2, prompts().size(), "the redelivered 'next' was applied once");

        // Slack drops the connection: the service opens a new one and the session goes on.
        socket.dropConnection();
        slack.awaitCalls("apps.connections.open", 2, WAIT);
        socket.awaitConnections(2, WAIT);
        awaitHealth("connected");
        reply(TestWorkspace.USER_ID, "This will kill our reputation");
        reply(BOB, "People will think we don't care");
        String press = socket.sendInteraction(BlockAction.button("step_next", SessionFlow.buttonValue(awaitPrompt(2)))
                .withUser(BOB, "bob")
                .withMessage(awaitPrompt(2).param("ts"), thread)
                .withResponseUrl(slack.responseUrl("next"))
                .toPayload(java.time.Instant.now()));
        socket.awaitAck(press, WAIT);
        awaitThreadReplyContaining("stings most");

        // Slack asks for a refresh (disconnect, refresh_requested): a new connection, and the session goes on.
        int opensBefore = slack.calls("apps.connections.open").size();
        socket.sendDisconnect("refresh_requested");
        slack.awaitCalls("apps.connections.open", opensBefore + 1, WAIT);
        socket.awaitConnections(3, WAIT);
        awaitHealth("connected");
        String pick = socket.sendInteraction(BlockAction.button("pick_thought", pickValue(2))
                .withUser(BOB, "bob")
                .withMessage("1700000000.000300", thread)
                .withResponseUrl(slack.responseUrl("pick"))
                .toPayload(java.time.Instant.now()));
        socket.awaitAck(pick, WAIT);
        assertEquals("Step 3 of 10 · Feeling", SessionFlow.stepTitle(awaitPrompt(3)));
    }

    @Test
    void healthTellsWhileTheConnectionIsGoneAndSlackRefusesANewOne() {
        slack.failAlways("apps.connections.open", reviewcoach.testing.Failure.serverError(503));
        socket.dropConnection();

        slack.awaitCalls("apps.connections.open", 4, WAIT); // it keeps trying, with backoff
        JsonNode reconnecting = awaitHealth("reconnecting");
        assertEquals(200, service.client().get("/healthz").status(), "the service itself is still healthy");
        assertEquals("http_503", reconnecting.path("socket_mode_error").asText(), reconnecting.toString());

        slack.reset();
        awaitHealth("connected");
    }

    @Test
    void whenTheDatabaseFailsAnEventIsLeftForSlackToSendAgainAndACommandGetsAnApology() throws Exception {
        service.makeDatabaseUnreachable();

        String event = socket.sendEvent(
                service.requests()
                        .eventEnvelope(
                                service.requests().nextEventId(),
                                MessageEvents.message(ChatMessage.reply("1700000000.000200", "a thought"))),
                0);
        // The pool waits up to 10 seconds for a connection before the command fails.
        String command = socket.sendSlashCommand(SlashCommand.of("/review", "They never called back"));
        JsonNode apology = socket.awaitAck(command, Duration.ofSeconds(40));

        assertEquals("ephemeral", apology.path("payload").path("response_type").asText(), apology.toString());
        assertTrue(apology.path("payload").path("text").asText().contains("nothing was saved"), apology.toString());
        slack.awaitQuiet(Duration.ofMillis(500), WAIT);
        assertTrue(socket.acks(event).isEmpty(), "an event that failed is not acknowledged, so Slack sends it again");
        assertTrue(slack.calls("chat.postMessage").isEmpty(), "nothing is posted for what was not saved");
    }

    private ObjectNode next(String user) {
        return MessageEvents.message(ChatMessage.reply(thread, "next").withUser(user));
    }

    private ChatMessage reply(String user, String text) {
        ChatMessage message = ChatMessage.reply(thread, text).withUser(user);
        String envelope = socket.sendEvent(
                service.requests().eventEnvelope(service.requests().nextEventId(), MessageEvents.message(message)), 0);
        socket.awaitAck(envelope, WAIT);
        return message;
    }

    private JsonNode health() {
        return service.client().get("/healthz").json();
    }

    private JsonNode awaitHealth(String state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode health = health();
        while (!health.path("socket_mode").asText().equals(state)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("socket_mode never became " + state + ": " + health);
            }
            slack.awaitQuiet(Duration.ofMillis(20), WAIT);
            health = health();
        }
        return health;
    }

    private List<FakeSlackApi.Call> prompts() {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> thread.equals(call.param("thread_ts")))
                .filter(call ->
                        call.param("blocks") != null && call.param("blocks").contains("step_next"))
                .toList();
    }

    private FakeSlackApi.Call awaitPrompt(int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (prompts().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " prompts: " + slack.calls());
            }
            slack.awaitQuiet(Duration.ofMillis(20), WAIT);
        }
        return prompts().get(count - 1);
    }

    private FakeSlackApi.Call awaitThreadReplyContaining(String words) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (FakeSlackApi.Call call : slack.calls("chat.postMessage")) {
                if (thread.equals(call.param("thread_ts"))
                        && !call.param("blocks").contains("step_next")
                        && call.param("text").contains(words)) {
                    return call;
                }
            }
            slack.awaitQuiet(Duration.ofMillis(20), WAIT);
        }
        throw new AssertionError("no reply containing '" + words + "' in the thread: " + slack.calls());
    }

    /** The value of the n-th button of the thought picker. */
    private String pickValue(int number) {
        JsonNode blocks = awaitThreadReplyContaining("stings most").jsonParam("blocks");
        for (JsonNode block : blocks) {
            if (block.get("type").asText().equals("actions")) {
                return block.get("elements").get(number - 1).get("value").asText();
            }
        }
        throw new AssertionError("no buttons in the picker: " + blocks);
    }
}
