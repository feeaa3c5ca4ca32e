package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.config.Settings;
import reviewcoach.config.SettingsException;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.Failure;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SignedRequest;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestDatabase;
import reviewcoach.testing.ViewSubmission;

/** What Slack and strangers can send to the HTTP edge, and what they get back. */
class SlackEdgeEndToEndTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;
    private SlackRequests requests;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(folder, slack, null);
        requests = service.requests();
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    private AppClient client() {
        return service.client();
    }

    @Test
    void answersSlacksUrlVerificationWithTheChallenge() {
        AppClient.Reply reply =
                client().send(requests.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), reply.body());
    }

    @Test
    void refusesRequestsThatSlackDidNotSignAndChangesNothing() {
        SignedRequest command = requests.slashCommand(SlashCommand.of("/review", "Rude staff."));
        SignedRequest button = requests.blockAction(BlockAction.button("step_next", "1:CIRCUMSTANCE"));
        List<SignedRequest> forged = List.of(
                command.withSignature("v0=" + "0".repeat(64)),
                command.withoutSignature(),
                command.withBody(command.body().replace("Rude", "Kind")),
                requests.agedBy(Duration.ofMinutes(6)).slashCommand(SlashCommand.of("/review", "Rude staff.")),
                button.withSignature("v0=" + "1".repeat(64)),
                new SlackRequests("0123456789abcdef0123456789abcdef")
                        .slashCommand(SlashCommand.of("/review", "Rude staff.")));

        for (SignedRequest request : forged) {
            AppClient.Reply reply = client().send(request);
            assertEquals(401, reply.status(), request.toString());
            assertFalse(reply.body().contains("Exception"), reply.body());
        }
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(List.of(), slack.calls("chat.postMessage"), "no session was started");
    }

    @Test
    void eventsTheAppDoesNotActOnStillGetA200() {
        var reaction = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        reaction.put("type", "reaction_added").put("user", "U0BOB").put("reaction", "thumbsup");
        reaction.putObject("item")
                .put("type", "message")
                .put("channel", "C0REVIEWS")
                .put("ts", "1.2");

        AppClient.Reply reply = client().send(requests.event(reaction));

        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void aReplyInAThreadAPersonStartedIsAnsweredWithoutALookInTheDatabase() throws Exception {
        service.makeDatabaseUnreachable();
        ChatMessage reply =
                new ChatMessage("C0REVIEWS", "U0BOB", "Sounds good, see you at 3.", ChatMessage.nextTs(), "1.1");

        AppClient.Reply answer = client().send(requests.event(MessageEvents.message(reply, "U0ALICE")));

        assertEquals(200, answer.status(), "no session's thread starts with a person's message; the database is down");
    }

    @Test
    void healthIsOkWhileTheDatabaseAnswersAndUnavailableWhenItDoesNot() throws Exception {
        AppClient.Reply healthy = client().get("/healthz");
        assertEquals(200, healthy.status());
        assertEquals("ok", healthy.json().get("status").asText());

        service.makeDatabaseUnreachable();

        // The answer may wait for the pool's 10-second connection time-out before it says 503.
        AppClient.Reply unhealthy =
                new AppClient(URI.create("http://127.0.0.1:" + service.port()), Duration.ofSeconds(30)).get("/healthz");
        assertEquals(503, unhealthy.status());
        assertFalse(unhealthy.body().contains("Exception"), unhealthy.body());
    }

    @Test
    void unknownPathsGetJsonErrorsWithoutStackTraces() {
        AppClient.Reply missing = client().get("/nope");
        AppClient.Reply wrongMethod = client().get("/slack/events");

        assertEquals(404, missing.status());
        assertEquals("Not Found", missing.json().get("error").asText());
        for (AppClient.Reply reply : List.of(missing, wrongMethod)) {
            assertFalse(reply.body().contains("at "), reply.body());
            assertFalse(reply.body().contains("Exception"), reply.body());
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply.status() + " " + reply.body());
        }
    }

    @Test
    void helpIsAnsweredPrivately() {
        AppClient.Reply reply = client().send(requests.slashCommand(SlashCommand.of("/review", "help")));

        assertEquals(200, reply.status());
        JsonNode body = reply.json();
        assertTrue(body.get("text").asText().contains("/review <paste the review>"), reply.body());
        assertFalse(
                body.has("response_type") && body.get("response_type").asText().equals("in_channel"));
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(List.of(), slack.calls("chat.postMessage"));
    }

    @Test
    void reviewWithoutTextOpensTheFormAndSubmittingItStartsTheSession() {
        AppClient.Reply reply = client().send(requests.slashCommand(SlashCommand.of("/review", "  ")
                .withTriggerId("1700000000001.1000000000.abc")
                .withResponseUrl(slack.responseUrl("form"))));
        assertEquals(200, reply.status());

        FakeSlackApi.Call open =
                slack.awaitCalls("views.open", 1, RunningService.WAIT).get(0);
        assertEquals("1700000000001.1000000000.abc", open.param("trigger_id"));
        JsonNode view = open.jsonParam("view");
        assertEquals("review_modal", view.get("callback_id").asText());

        AppClient.Reply empty = client().send(requests.viewSubmission(ViewSubmission.of("review_modal")
                .withPrivateMetadata(view.get("private_metadata").asText())
                .withTextInput("review_text", "value", "   ")));
        assertEquals("errors", empty.json().get("response_action").asText(), empty.body());

        AppClient.Reply submitted = client().send(requests.viewSubmission(ViewSubmission.of("review_modal")
                .withPrivateMetadata(view.get("private_metadata").asText())
                .withTextInput("review_text", "value", "They billed me twice and nobody returned my calls.")
                .withTextInput("review_source", "value", "Google")
                .withSelectedOption("review_rating", "value", "1", "1 star")));
        assertEquals(200, submitted.status());
        assertTrue(submitted.body().isEmpty() || !submitted.body().contains("errors"), submitted.body());

        FakeSlackApi.Call root =
                slack.awaitCalls("chat.postMessage", 1, RunningService.WAIT).get(0);
        String blocks = root.jsonParam("blocks").toString();
        assertEquals("C0REVIEWS", root.param("channel"));
        assertTrue(blocks.contains("They billed me twice"), blocks);
        assertTrue(blocks.contains("Google · ★☆☆☆☆"), blocks);
    }

    @Test
    void malformedBodiesWithAValidSignatureNeverGetAStackTrace() {
        List<SignedRequest> malformed = List.of(
                requests.sign(SlackRequests.JSON, "{not json"),
                requests.sign(SlackRequests.JSON, "{\"type\":\"event_callback\"}"),
                requests.sign(SlackRequests.FORM, "payload=%7Bnot%20json"),
                requests.sign(
                        SlackRequests.FORM,
                        "payload="
                                + java.net.URLEncoder.encode(
                                        "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"step_next\",\"value\":\"x:y\"}]}",
                                        StandardCharsets.UTF_8)),
                requests.sign(SlackRequests.FORM, "command=%2Freview"));
        for (SignedRequest request : malformed) {
            AppClient.Reply reply = client().send(request);
            assertFalse(reply.body().contains("Exception"), request.body() + " -> " + reply.body());
            assertFalse(reply.body().contains("\tat "), request.body() + " -> " + reply.body());
        }
        assertEquals(200, client().get("/healthz").status(), "still serving");
    }

    @Test
    void aBotTokenSlackRefusesStopsTheStartWithTheFix() {
        slack.failAlways("auth.test", Failure.error("invalid_auth"));

        SettingsException refused =
                assertThrows(SettingsException.class, () -> ReviewCoach.start(service.settings(), Clock.systemUTC())
                        .close());

        assertTrue(refused.getMessage().startsWith("SLACK_BOT_TOKEN was refused by Slack (invalid_auth)"));
        assertFalse(refused.getMessage().contains("xoxb-0"), "never prints the token");
    }

    @Test
    void slackBeingDownAtStartDoesNotStopTheServiceAndHealthSaysSo() throws Exception {
        slack.failAlways("auth.test", Failure.serverError(503));
        Settings settings = service.settings();
        try (TestDatabase database = TestDatabase.create(folder.resolve("second"));
                ReviewCoach second = ReviewCoach.start(
                        new Settings(
                                settings.signingSecret(),
                                settings.botToken(),
                                0,
                                database.url(),
                                database.user(),
                                database.password(),
                                null,
                                slack.apiUrl()),
                        Clock.systemUTC())) {
            AppClient client = AppClient.onLocalPort(second.port());
            AppClient.Reply health = client.get("/healthz");
            assertEquals(200, health.status(), "the database answers, so the service is healthy");
            assertEquals("unreachable", health.json().get("slack").asText(), health.body());
            assertEquals("http_503", health.json().get("slack_error").asText(), health.body());

            client.send(requests.slashCommand(SlashCommand.of("/review", "Rude staff.")));
            slack.awaitCalls("chat.postMessage", 2, RunningService.WAIT);
            assertEquals("reachable", client.get("/healthz").json().get("slack").asText());
        }
    }
}
