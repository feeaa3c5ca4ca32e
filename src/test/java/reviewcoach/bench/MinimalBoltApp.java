package reviewcoach.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.model.event.MessageEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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
        Server server = new Server(new QueuedThreadPool(64, 4));
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                        response.setStatus(200);
                    }
                }),
                "/healthz");
        server.setHandler(context);
        server.start();
    }
}
