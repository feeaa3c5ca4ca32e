package reviewcoach.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.model.event.MessageEvent;
import java.util.List;
import reviewcoach.http.WebServer;

/**
 * Floor (b) of the benchmark: a Bolt app with the app's middleware (SSL check, request verification) and listeners
 * that only ack {@code /review} and message events, served by the app's own {@link WebServer} (same Jetty, same
 * threads, {@code /healthz} always healthy). Run as its own process with {@code PORT} and {@code SLACK_SIGNING_SECRET}
 * in the environment.
 */
public final class MinimalBoltApp {

    private MinimalBoltApp() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("PORT"));
        String secret = System.getenv("SLACK_SIGNING_SECRET");
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.getMethodsConfig().setStatsEnabled(false);
        AppConfig config = AppConfig.builder()
                .signingSecret(secret)
                .singleTeamBotToken(null)
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .redirectUri(null)
                .scope(null)
                .userScope(null)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                .allEventsApiAutoAckEnabled(true)
                .ignoringSelfEventsEnabled(false)
                .threadPoolSize(2)
                .slack(Slack.getInstance(slackConfig))
                .build();
        SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(secret));
        App app = new App(config, List.of(new SSLCheck(null), new RequestVerification(verifier)));
        app.command("/review", (request, context) -> context.ack());
        app.event(MessageEvent.class, (payload, context) -> context.ack());
        app.start();
        WebServer.start(port, app, () -> true);
    }
}
