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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.config.Policy;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;

/** What the office can keep out of the bot, and how a session is deleted with the bot's messages. */
class PrivacyEndToEndTest {

    private static final String MANAGER = "U0BOSS";
    private static final String BOB = "U0BOB";
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        Policy policy = Policy.defaults()
                .withRedaction(true)
                .withManagers(Set.of(MANAGER))
                .withMaxReviewLength(500);
        service = RunningService.start(folder, slack, "C0MANAGERS", policy);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        pools.forEach(HikariDataSource::close);
        slack.close();
    }

    @Test
    void personalDetailsInAReviewAreMaskedBeforeTheyArePostedOrStored() {
        new SessionFlow(service, slack).start("Dr. Lee never called me at 555-123-4567 or wrote to jo@example.com.");

        String root = slack.calls("chat.postMessage").get(0).jsonParam("blocks").toString();
        assertTrue(root.contains("[phone removed]"), root);
        assertTrue(root.contains("[email removed]"), root);
        assertFalse(root.contains("555-123-4567"));
        String stored = service.openStore(pools).find(1).orElseThrow().review().text();
        assertFalse(stored.contains("jo@example.com"), stored);
    }

    @Test
    void aReviewOverTheLimitIsRefusedSayingTheLimit() {
        AppClient.Reply reply =
                service.client().send(service.requests().slashCommand(SlashCommand.of("/review", "x ".repeat(300))));

        assertEquals(200, reply.status());
        assertTrue(reply.json().get("text").asText().contains("up to 500"), reply.body());
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(List.of(), slack.calls("chat.postMessage"));
    }

    @Test
    void theStarterDeletesASessionAndTheBotsMessagesGoToo() {
        SessionFlow flow = new SessionFlow(service, slack).start("Rude staff.");
        flow.reply(BOB, "The staff were rude");
        flow.reply(TestWorkspace.USER_ID, "done");
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        Set<String> posted = slack.calls("chat.postMessage").stream()
                .map(call -> call.param("channel") + "/" + postedTs(call))
                .collect(Collectors.toSet());

        AppClient.Reply notYours = service.client()
                .send(service.requests()
                        .slashCommand(SlashCommand.of("/review", "delete").withUser(BOB, "bob")));
        assertTrue(notYours.json().get("text").asText().contains("no session here"), notYours.body());

        AppClient.Reply list =
                service.client().send(service.requests().slashCommand(SlashCommand.of("/review", "delete")));
        JsonNode button = list.json().get("blocks").get(1).get("accessory");
        assertEquals("session_delete", button.get("action_id").asText(), list.body());

        AppClient.Reply deleted = service.client()
                .send(service.requests()
                        .blockAction(BlockAction.button(
                                        "session_delete", button.get("value").asText())
                                .withResponseUrl(slack.responseUrl("deleted"))));
        assertEquals(200, deleted.status());

        FakeSlackApi.Call told = slack.awaitCalls(FakeSlackApi.responseUrlMethod("deleted"), 1, RunningService.WAIT)
                .get(0);
        assertTrue(told.rawBody().contains("Deleted"), told.rawBody());
        slack.awaitCalls("chat.delete", posted.size(), RunningService.WAIT);
        Set<String> removed = slack.calls("chat.delete").stream()
                .map(call -> call.param("channel") + "/" + call.param("ts"))
                .collect(Collectors.toSet());
        assertEquals(posted, removed, "every message the bot posted for the session, summary included");
        assertTrue(service.openStore(pools).find(1).isEmpty());
        assertEquals(List.of(), service.openStore(pools).contributions(1));
    }

    @Test
    void aManagerMayDeleteAnySessionAndOthersAreRefused() {
        new SessionFlow(service, slack).start("Rude staff.");
        String value = "1";

        AppClient.Reply refused = service.client()
                .send(service.requests()
                        .blockAction(BlockAction.button("session_delete", value)
                                .withUser(BOB, "bob")
                                .withResponseUrl(slack.responseUrl("bob"))));
        assertEquals(200, refused.status());
        assertTrue(slack.awaitCalls(FakeSlackApi.responseUrlMethod("bob"), 1, RunningService.WAIT)
                .get(0)
                .rawBody()
                .contains("Only the person who started"));
        assertTrue(service.openStore(pools).find(1).isPresent(), "bob may not delete alice's session");

        service.client()
                .send(service.requests()
                        .blockAction(BlockAction.button("session_delete", value)
                                .withUser(MANAGER, "boss")
                                .withResponseUrl(slack.responseUrl("boss"))));
        slack.awaitCalls(FakeSlackApi.responseUrlMethod("boss"), 1, RunningService.WAIT);
        assertTrue(service.openStore(pools).find(1).isEmpty(), "a manager may");
    }

    /** The ts the fake gave a posted message: the thread's root is the first, the rest are counted in order. */
    private String postedTs(FakeSlackApi.Call call) {
        int index = slack.calls("chat.postMessage").indexOf(call) + 1;
        return String.format("1700000000.%06d", index * 100);
    }
}
