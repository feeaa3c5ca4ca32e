package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;

/** {@code /review private}: the same dialogue one to one in a direct message, shared with the team only by choice. */
class PrivateSessionEndToEndTest {

    private static final String MANAGERS = "C0MANAGERS";
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(folder, slack, MANAGERS);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @Test
    void aPrivateSessionRunsInADirectMessageAndIsSharedOnlyWhenItsStarterChooses() {
        AppClient.Reply reply = service.client()
                .send(service.requests()
                        .slashCommand(SlashCommand.of("/review", "private The hygienist was rough and rude.")));
        assertTrue(reply.json().get("text").asText().contains("direct message"), reply.body());

        List<FakeSlackApi.Call> opening = slack.awaitCalls("chat.postMessage", 2, RunningService.WAIT);
        assertEquals(
                TestWorkspace.USER_ID, opening.get(0).param("channel"), "posted to the starter, which opens the DM");
        String dm = TestWorkspace.directMessageWith(TestWorkspace.USER_ID);
        assertEquals(dm, opening.get(1).param("channel"), "the thread goes on in the DM Slack named");
        String thread = opening.get(1).param("thread_ts");
        assertTrue(opening.get(0).jsonParam("blocks").toString().contains("The hygienist was rough and rude."));

        send(ChatMessage.reply(thread, "A review says \"the hygienist was rough\"")
                .withChannel(dm));
        slack.awaitCalls("reactions.add", 1, RunningService.WAIT);
        send(ChatMessage.reply(thread, "done").withChannel(dm));
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);

        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertTrue(
                posts.stream().noneMatch(call -> MANAGERS.equals(call.param("channel"))), "nothing went to the team");
        assertTrue(posts.stream().noneMatch(call -> TestWorkspace.CHANNEL_ID.equals(call.param("channel"))));
        FakeSlackApi.Call summary = posts.stream()
                .filter(call -> dm.equals(call.param("channel")) && call.param("thread_ts") == null)
                .filter(call -> call.param("text").startsWith("Review worked through"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no summary in the direct message: " + posts));
        assertTrue(summary.jsonParam("blocks").toString().contains("share_summary"), "offers to share");
        assertTrue(posts.stream().anyMatch(call -> call.param("text").contains("Nothing went to the team")));

        AppClient.Reply stranger = service.client()
                .send(service.requests()
                        .blockAction(BlockAction.button("share_summary", "1")
                                .withUser("U0BOB", "bob")
                                .withResponseUrl(slack.responseUrl("bob"))));
        assertEquals(200, stranger.status());
        assertTrue(slack.awaitCalls(FakeSlackApi.responseUrlMethod("bob"), 1, RunningService.WAIT)
                .get(0)
                .rawBody()
                .contains("Only the person"));

        service.client()
                .send(service.requests()
                        .blockAction(
                                BlockAction.button("share_summary", "1").withResponseUrl(slack.responseUrl("alice"))));
        slack.awaitCalls(FakeSlackApi.responseUrlMethod("alice"), 1, RunningService.WAIT);
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        List<FakeSlackApi.Call> shared = slack.calls("chat.postMessage").stream()
                .filter(call -> MANAGERS.equals(call.param("channel")))
                .toList();
        assertEquals(1, shared.size(), "shared once, with the team");
        assertTrue(shared.get(0).jsonParam("blocks").toString().contains("the hygienist was rough"));
        assertTrue(!shared.get(0).jsonParam("blocks").toString().contains("share_summary"));
    }

    /**
     * A private session opened before its channel was kept from Slack's answer still names its starter's user id; the
     * starter's first line in the direct message finds it there and moves it in.
     */
    @Test
    void aPrivateSessionStillAddressedToItsStarterMovesIntoItsDirectMessageAtTheFirstLine() throws Exception {
        service.client()
                .send(service.requests()
                        .slashCommand(SlashCommand.of("/review", "private The hygienist was rough and rude.")));
        String thread = slack.awaitCalls("chat.postMessage", 2, RunningService.WAIT)
                .get(1)
                .param("thread_ts");
        service.awaitOutboxEmpty();
        try (Connection connection = service.connectToDatabase();
                Statement legacy = connection.createStatement()) {
            legacy.executeUpdate("UPDATE sessions SET channel = starter"); // as sessions opened before 3b4f3b5 were
        }
        String dm = TestWorkspace.directMessageWith(TestWorkspace.USER_ID);

        send(ChatMessage.reply(thread, "A review says \"the hygienist was rough\"")
                .withChannel(dm));

        assertEquals(
                dm,
                slack.awaitCalls("reactions.add", 1, RunningService.WAIT).get(0).param("channel"));
        try (Connection connection = service.connectToDatabase();
                ResultSet channel = connection.createStatement().executeQuery("SELECT channel FROM sessions")) {
            assertTrue(channel.next());
            assertEquals(dm, channel.getString(1), "moved for good");
        }
    }

    private void send(ChatMessage message) {
        AppClient.Reply reply = service.client().send(service.requests().event(MessageEvents.message(message)));
        assertEquals(200, reply.status(), reply.body());
    }
}
