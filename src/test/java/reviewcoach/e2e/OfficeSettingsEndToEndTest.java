package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.HomeEvents;
import reviewcoach.testing.SignedRequest;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.TestWorkspace;
import reviewcoach.testing.ViewSubmission;

/**
 * Each office chooses its own settings in the App Home: a workspace admin changes where summaries go, who manages
 * and the kind of practice; the change holds for that workspace only, and anyone else is refused.
 */
class OfficeSettingsEndToEndTest {

    private static final String ADMIN = "U0ADMIN";
    private static final String STAFF = "U0STAFF";
    private static final String NEW_CHANNEL = "C0LEADS";
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path directory;

    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        slack.admin(ADMIN);
        service = RunningService.start(directory, slack, "C0MANAGERS");
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @Test
    void theHomeShowsTheSettingsAndOnlyAnAdminGetsTheForm() {
        JsonNode home = openHome(service.requests(), STAFF);
        assertTrue(home.toString().contains("Office settings"), home.toString());
        assertTrue(home.toString().contains("<#C0MANAGERS>"), "the environment's channel until one is chosen");

        pressChangeSettings(STAFF);
        JsonNode refused =
                slack.awaitCalls("views.open", 1, RunningService.WAIT).get(0).jsonParam("view");
        assertTrue(refused.toString().contains("Only a workspace admin"), refused.toString());
        assertFalse(refused.has("submit"), "nothing to submit");

        pressChangeSettings(ADMIN);
        JsonNode form =
                slack.awaitCalls("views.open", 2, RunningService.WAIT).get(1).jsonParam("view");
        assertEquals("office_settings", form.get("callback_id").asText());
        assertTrue(form.toString().contains("\"initial_conversation\":\"C0MANAGERS\""), form.toString());
    }

    @Test
    void whatAnAdminChoosesHoldsForTheirWorkspaceOnly() {
        AppClient.Reply saved = send(service.requests().viewSubmission(choice(ADMIN)));
        assertEquals("", saved.body(), "the form closes");

        FakeSlackApi.Call republished =
                slack.awaitCalls("views.publish", 1, RunningService.WAIT).get(0);
        assertEquals(ADMIN, republished.param("user_id"));
        String home = republished.jsonParam("view").toString();
        assertTrue(home.contains("<#" + NEW_CHANNEL + ">") && home.contains("<@U0MAYA>"), home);
        assertTrue(home.contains("health care"), home);

        FollowUpFlow flow = new FollowUpFlow(service, slack, NEW_CHANNEL);
        flow.toPlan("Waited 40 minutes.").finishWith("action: call the reviewer back <@U0BOB>");
        assertEquals(NEW_CHANNEL, flow.awaitSummary().param("channel"), "the summary goes where the admin chose");

        String elsewhere =
                openHome(service.requests().fromWorkspace("T0ELSEWHERE"), STAFF).toString();
        assertTrue(elsewhere.contains("<#C0MANAGERS>") && !elsewhere.contains(NEW_CHANNEL), elsewhere);
    }

    @Test
    void aSubmissionFromSomeoneWhoMayNotChangeThemIsRefused() {
        AppClient.Reply refused = send(service.requests().viewSubmission(choice(STAFF)));
        assertTrue(refused.body().contains("Only a workspace admin"), refused.body());
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertTrue(slack.calls("views.publish").isEmpty());
        assertTrue(openHome(service.requests(), STAFF).toString().contains("<#C0MANAGERS>"), "nothing changed");

        AppClient.Reply adminElsewhere =
                send(service.requests().fromWorkspace("T0ELSEWHERE").viewSubmission(choice(ADMIN)));
        assertEquals("", adminElsewhere.body(), "an admin of the other workspace changes that workspace's");
        FakeSlackApi.Call theirHome =
                slack.awaitCalls("views.publish", 2, RunningService.WAIT).get(1);
        assertTrue(theirHome.jsonParam("view").toString().contains(NEW_CHANNEL), "their home shows their choice");
        assertTrue(openHome(service.requests(), STAFF).toString().contains("<#C0MANAGERS>"), "not this one's");
    }

    private static ViewSubmission choice(String user) {
        return ViewSubmission.of("office_settings")
                .withUser(user, user.toLowerCase())
                .withSelectedConversation("summary_channel", "value", NEW_CHANNEL)
                .withSelectedUsers("managers", "value", List.of("U0MAYA"))
                .withSelectedOption("practice", "value", "HEALTHCARE", "Health care");
    }

    private void pressChangeSettings(String user) {
        var payload = BlockAction.button("office_settings_open", "open")
                .withUser(user, user.toLowerCase())
                .toPayload(java.time.Instant.now());
        payload.remove(List.of("channel", "message", "response_url"));
        payload.putObject("container").put("type", "view").put("view_id", "V0HOME");
        payload.putObject("view").put("id", "V0HOME").put("type", "home").put("team_id", TestWorkspace.TEAM_ID);
        send(service.requests().interaction(payload));
    }

    private JsonNode openHome(SlackRequests from, String user) {
        int before = slack.calls("views.publish").size();
        send(from.event(HomeEvents.homeOpened(user)));
        return slack.awaitCalls("views.publish", before + 1, RunningService.WAIT)
                .get(before)
                .jsonParam("view");
    }

    private AppClient.Reply send(SignedRequest request) {
        AppClient.Reply reply = service.client().send(request);
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }
}
