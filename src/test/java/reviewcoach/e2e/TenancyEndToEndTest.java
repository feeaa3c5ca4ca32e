package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.HomeEvents;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;

/**
 * No request from one workspace reads or changes another's data, even correctly signed (every workspace's requests
 * are signed with the app's one secret) and carrying the other workspace's ids: its channel, thread, session, item and
 * even its people's user ids. Each test checks that the same request from the right workspace does work.
 */
class TenancyEndToEndTest {

    private static final String MANAGERS_CHANNEL = "C0MANAGERS";
    private static final String OTHER_WORKSPACE = "T0ELSEWHERE";
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path directory;

    private FakeSlackApi slack;
    private RunningService service;
    private SlackRequests elsewhere;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(directory, slack, MANAGERS_CHANNEL);
        elsewhere = service.requests().fromWorkspace(OTHER_WORKSPACE);
    }

    @AfterEach
    void stop() throws Exception {
        pools.forEach(HikariDataSource::close);
        service.close();
        slack.close();
    }

    @Test
    void aReplyInTheThreadFromAnotherWorkspaceIsNotTaken() {
        SessionFlow flow = new SessionFlow(service, slack).start("The front desk was rude.");

        ChatMessage forged = ChatMessage.reply(flow.thread(), "A review on Google says the wait was 40 minutes")
                .withUser("U0BOB");
        send(elsewhere.event(MessageEvents.message(forged)));
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertTrue(slack.calls("reactions.add").isEmpty());
        assertEquals(List.of(), service.openStore(pools).contributions(1));

        flow.reply("U0BOB", "A review on Google says the wait was 40 minutes");
        slack.awaitCalls("reactions.add", 1, RunningService.WAIT);
        assertEquals(1, service.openStore(pools).contributions(1).size(), "the same reply from its own workspace");
    }

    @Test
    void aButtonFromAnotherWorkspaceMovesNoSession() {
        SessionFlow flow = new SessionFlow(service, slack).start("The front desk was rude.");
        FakeSlackApi.Call prompt = flow.awaitPrompt(1);

        send(elsewhere.blockAction(next(flow, prompt, "elsewhere")));
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(1, flow.prompts().size(), "no step taken");

        send(service.requests().blockAction(next(flow, prompt, "home")));
        flow.awaitPrompt(2);
    }

    @Test
    void listAndDeleteFromAnotherWorkspaceSeeAndTouchNothing() {
        new SessionFlow(service, slack).start("The front desk was rude.");

        AppClient.Reply list = send(elsewhere.slashCommand(SlashCommand.of("/review", "list")));
        assertTrue(list.body().contains("No open sessions"), list.body());
        AppClient.Reply deletable = send(elsewhere.slashCommand(SlashCommand.of("/review", "delete")));
        assertTrue(deletable.body().contains("no session here"), deletable.body());

        send(elsewhere.blockAction(
                BlockAction.button("session_delete", "1").withResponseUrl(slack.responseUrl("elsewhere"))));
        String told = slack.awaitCalls(FakeSlackApi.responseUrlMethod("elsewhere"), 1, RunningService.WAIT)
                .get(0)
                .rawBody();
        assertTrue(told.contains("already deleted"), told);
        assertTrue(service.openStore(pools).find(1).isPresent(), "the session is still there");

        AppClient.Reply ownList = send(service.requests().slashCommand(SlashCommand.of("/review", "list")));
        assertTrue(ownList.body().contains("open sessions in this channel"), ownList.body());
    }

    @Test
    void doneOnAnotherWorkspacesItemChangesNothing() {
        FollowUpFlow flow = new FollowUpFlow(service, slack, MANAGERS_CHANNEL);
        flow.toPlan("Waited 40 minutes.").finishWith("action: call the reviewer back <@U0BOB> by 2026-12-03");
        FakeSlackApi.Call summary = flow.awaitSummary();
        String item = FollowUpFlow.doneValue(summary, "call the reviewer back");

        send(elsewhere.blockAction(BlockAction.button("action_item_done", item)
                .withUser("U0BOB", "bob")
                .withResponseUrl(slack.responseUrl("elsewhere"))));
        String told = slack.awaitCalls(FakeSlackApi.responseUrlMethod("elsewhere"), 1, RunningService.WAIT)
                .get(0)
                .rawBody();
        assertTrue(told.contains("no longer exists"), told);
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertTrue(flow.summaryUpdates().isEmpty(), "the summary is not touched");

        send(service.requests()
                .blockAction(BlockAction.button("action_item_done", item)
                        .withUser("U0BOB", "bob")
                        .withResponseUrl(slack.responseUrl("home"))));
        service.awaitOutboxEmpty();
        assertEquals(1, flow.summaryUpdates().size(), "the same press from its own workspace");
    }

    @Test
    void anotherWorkspacesHomeShowsNoneOfThis() {
        new SessionFlow(service, slack).start("The front desk was rude.");

        send(elsewhere.event(HomeEvents.homeOpened(TestWorkspace.USER_ID)));
        JsonNode theirs =
                slack.awaitCalls("views.publish", 1, RunningService.WAIT).get(0).jsonParam("view");
        assertFalse(theirs.toString().contains("front desk"), theirs.toString());

        send(service.requests().event(HomeEvents.homeOpened(TestWorkspace.USER_ID)));
        JsonNode ours =
                slack.awaitCalls("views.publish", 2, RunningService.WAIT).get(1).jsonParam("view");
        assertTrue(ours.toString().contains("front desk"), ours.toString());
    }

    private static BlockAction next(SessionFlow flow, FakeSlackApi.Call prompt, String responseId) {
        return BlockAction.button("step_next", SessionFlow.buttonValue(prompt))
                .withMessage(prompt.param("ts") == null ? "1700000000.000200" : prompt.param("ts"), flow.thread());
    }

    private AppClient.Reply send(reviewcoach.testing.SignedRequest request) {
        AppClient.Reply reply = service.client().send(request);
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }
}
