package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.config.OAuthSettings;
import reviewcoach.config.Policy;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;

/**
 * Installing to many workspaces through OAuth, end to end: an admin's browser goes to /slack/install, on to Slack and
 * back to /slack/oauth_redirect; each workspace then gets answers with its own bot token, and an uninstall or a revoked
 * token stops its use.
 */
class InstallEndToEndTest {

    static final OAuthSettings OAUTH = new OAuthSettings(
            "1111111111.2222222222", "client-secret-for-tests", "state-secret-for-tests-0123456789", null);
    static final String DENTAL = "T0DENTAL";
    static final String DENTAL_TOKEN = "xoxb-dental-0000000000000-dentaltokenfortests0000";
    static final String SHOP = "T0SHOP";
    static final String SHOP_TOKEN = "xoxb-shop-0000000000000-shoptokenfortests00000000";
    private static final String STATE_COOKIE = "slack-app-oauth-state";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        slack.installable("dental-code", DENTAL, DENTAL_TOKEN);
        slack.installable("shop-code", SHOP, SHOP_TOKEN);
        service = startInstallable(directory, slack);
    }

    static RunningService startInstallable(Path directory, FakeSlackApi slack) throws Exception {
        return RunningService.startWithClock(
                directory,
                slack,
                null,
                Policy.defaults(),
                ReviewCoach.Tuning.standard(),
                Clock.systemUTC(),
                settings -> settings.withOAuth(OAUTH));
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @Test
    void installSendsTheAdminToSlackWithTheScopesAndASignedStateInACookie() {
        AppClient.Reply reply = service.client().get("/slack/install");

        assertEquals(302, reply.status(), reply.body());
        URI authorize = URI.create(reply.header("Location"));
        assertEquals("slack.com", authorize.getHost());
        assertEquals("/oauth/v2/authorize", authorize.getPath());
        Map<String, String> query = query(authorize);
        assertEquals(OAUTH.clientId(), query.get("client_id"));
        assertTrue(
                query.get("scope").contains("chat:write") && query.get("scope").contains("commands"), query.toString());
        String state = query.get("state");
        assertTrue(reply.header("Set-Cookie").startsWith(STATE_COOKIE + "=" + state + ";"), reply.header("Set-Cookie"));
        assertNotEquals(
                state,
                query(URI.create(service.client().get("/slack/install").header("Location")))
                        .get("state"));
    }

    @Test
    void eachInstalledWorkspaceIsAnsweredWithItsOwnToken() {
        install(service, "dental-code");
        install(service, "shop-code");
        FakeSlackApi.Call exchange = slack.lastCall("oauth.v2.access");
        assertEquals("shop-code", exchange.param("code"));
        String credentials = OAUTH.clientId() + ":" + OAUTH.clientSecret();
        assertEquals(
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
                exchange.authorization(),
                "the app's own credentials, never the browser's");
        slack.clearCalls();

        startSession(DENTAL, "C0DENTAL", "The hygienist was rough.");
        startSession(SHOP, "C0SHOP", "The shop was closed at noon.");

        List<FakeSlackApi.Call> posts = slack.awaitCalls("chat.postMessage", 4, RunningService.WAIT);
        for (FakeSlackApi.Call post : posts) {
            String expected = post.param("channel").equals("C0DENTAL") ? DENTAL_TOKEN : SHOP_TOKEN;
            assertEquals(expected, post.token(), "the token of the workspace the channel belongs to");
        }
    }

    @Test
    void aStateWorksOnceAndOnlyFromTheBrowserItWasGivenTo() {
        AppClient.Reply start = service.client().get("/slack/install");
        String state = query(URI.create(start.header("Location"))).get("state");

        AppClient.Reply otherBrowser = back(service, "dental-code", state, "");
        assertNotEquals(302, otherBrowser.status(), "no cookie, no install");
        AppClient.Reply forged = back(service, "dental-code", state.substring(0, state.indexOf('.')) + ".forged", "");
        assertNotEquals(302, forged.status());
        assertTrue(slack.calls("oauth.v2.access").isEmpty(), "no code was exchanged for a bad state");

        AppClient.Reply first = back(service, "dental-code", state, state);
        assertEquals(200, first.status(), first.body());
        AppClient.Reply again = back(service, "dental-code", state, state);
        assertTrue(again.body().contains("invalid_state"), again.body());
        assertEquals(1, slack.calls("oauth.v2.access").size(), "the replayed state was refused before any exchange");
    }

    @Test
    void anUninstalledWorkspacesTokenIsNeverUsedAgain() {
        install(service, "dental-code");
        install(service, "shop-code");

        slack.clearCalls();
        AppClient.Reply reply = service.client()
                .send(service.requests()
                        .fromWorkspace(SHOP)
                        .event(JSON.createObjectNode().put("type", "app_uninstalled")));
        assertEquals(200, reply.status());
        startSession(SHOP, "C0SHOP", "Nobody answered the phone.");
        startSession(DENTAL, "C0DENTAL", "The waiting room was cold.");

        slack.awaitCalls("chat.postMessage", 2, RunningService.WAIT);
        slack.awaitQuiet(java.time.Duration.ofMillis(300), RunningService.WAIT);
        assertTrue(
                slack.calls().stream().noneMatch(call -> SHOP_TOKEN.equals(call.token())),
                "nothing sent with the uninstalled workspace's token");
        assertTrue(slack.calls("chat.postMessage").stream().allMatch(call -> DENTAL_TOKEN.equals(call.token())));
    }

    @Test
    void aCommandFromAWorkspaceNotInstalledIsAnsweredAndNothingIsKept() {
        install(service, "dental-code");

        AppClient.Reply reply = service.client()
                .send(service.requests()
                        .fromWorkspace(SHOP)
                        .slashCommand(SlashCommand.of("/review", "Nobody answered the phone.")
                                .withChannel("C0SHOP", "shop")));

        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("isn't installed in this workspace"), reply.body());
        startSession(DENTAL, "C0DENTAL", "The waiting room was cold.");
        slack.awaitCalls("chat.postMessage", 2, RunningService.WAIT);
        assertTrue(
                slack.calls("chat.postMessage").stream().noneMatch(call -> "C0SHOP".equals(call.param("channel"))),
                "no session was started for the workspace without an installation");
    }

    @Test
    void aRevokedBotTokenEndsTheInstallationToo() {
        install(service, "shop-code");
        slack.clearCalls();
        var revoked = JSON.createObjectNode().put("type", "tokens_revoked");
        revoked.putObject("tokens").putArray("bot").add(TestWorkspace.BOT_USER_ID);
        service.client().send(service.requests().fromWorkspace(SHOP).event(revoked));

        startSession(SHOP, "C0SHOP", "The card reader was broken.");
        slack.awaitQuiet(java.time.Duration.ofMillis(500), RunningService.WAIT);
        assertTrue(slack.calls("chat.postMessage").isEmpty(), "nothing sent with a revoked token");
    }

    /** The whole browser round trip: /slack/install, Slack's consent page, /slack/oauth_redirect. */
    static void install(RunningService service, String code) {
        AppClient.Reply start = service.client().get("/slack/install");
        String state = query(URI.create(start.header("Location"))).get("state");
        AppClient.Reply done = back(service, code, state, state);
        assertEquals(200, done.status(), done.body());
        assertFalse(done.body().toLowerCase().contains("error"), done.body());
    }

    /** The browser's return from Slack to /slack/oauth_redirect, with the state cookie it holds (or none). */
    static AppClient.Reply back(RunningService service, String code, String state, String cookieState) {
        Map<String, String> headers = new HashMap<>();
        if (!cookieState.isEmpty()) {
            headers.put("Cookie", STATE_COOKIE + "=" + cookieState);
        }
        return service.client()
                .exchange("GET", "/slack/oauth_redirect?code=" + code + "&state=" + state, null, new byte[0], headers);
    }

    private void startSession(String workspace, String channel, String review) {
        AppClient.Reply reply = service.client()
                .send(service.requests()
                        .fromWorkspace(workspace)
                        .slashCommand(SlashCommand.of("/review", review)
                                .withChannel(channel, channel.toLowerCase())
                                .withResponseUrl(slack.responseUrl(workspace))));
        assertEquals(200, reply.status(), reply.body());
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
