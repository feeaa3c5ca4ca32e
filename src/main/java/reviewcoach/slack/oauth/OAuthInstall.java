package reviewcoach.slack.oauth;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.List;
import reviewcoach.config.OAuthSettings;
import reviewcoach.service.Installations;
import reviewcoach.service.OAuthStates;

/**
 * Slack's OAuth v2 install flow, run by Bolt: {@code /slack/install} sends the installing admin to Slack with a
 * signed, single-use state (also set in a cookie, so that the return must come back to the same browser), and {@code
 * /slack/oauth_redirect} exchanges the code Slack returns for the workspace's bot token and stores it.
 *
 * @see <a href="https://docs.slack.dev/authentication/installing-with-oauth">Installing with OAuth</a>
 */
public final class OAuthInstall {

    /** Bolt's old and new names for the paths are both set, or its defaults (read from the environment) win. */
    private static final String INSTALL_PATH = "/slack/install";

    private static final String REDIRECT_PATH = "/slack/oauth_redirect";

    /** The bot scopes the app asks for, as {@code manifest.yml} lists them (ManifestTest checks they agree). */
    public static final List<String> BOT_SCOPES = List.of(
            "commands",
            "chat:write",
            "reactions:write",
            "channels:history",
            "groups:history",
            "im:history",
            "im:write",
            "users:read",
            "usergroups:read");

    private OAuthInstall() {}

    /** The servlet that serves both paths. */
    public static HttpServlet servlet(
            OAuthSettings oauth, Slack slack, Installations installations, OAuthStates states, Clock clock) {
        // Every value is given, so that Bolt reads nothing from the environment on its own.
        AppConfig config = AppConfig.builder()
                .clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret())
                .redirectUri(oauth.redirectUri())
                .scope(String.join(",", BOT_SCOPES))
                .userScope(null)
                .signingSecret(null)
                .singleTeamBotToken(null)
                .verificationToken(null)
                .appPath(null)
                .oauthStartPath(INSTALL_PATH)
                .oauthInstallPath(INSTALL_PATH)
                .oauthCallbackPath(REDIRECT_PATH)
                .oauthRedirectUriPath(REDIRECT_PATH)
                .oauthCompletionUrl(null)
                .oauthCancellationUrl(null)
                .oAuthInstallPageRenderingEnabled(false)
                .stateValidationEnabled(true)
                .slack(slack)
                .build();
        App app = new App(config, List.of())
                .asOAuthApp(true)
                .service(new StoredOAuthStates(states, clock, oauth.stateSecret()))
                .service(new StoredInstallations(installations, clock));
        return new SlackOAuthAppServlet(app);
    }
}
