package reviewcoach.http;

import com.slack.api.bolt.App;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import reviewcoach.service.SlackHealth;
import reviewcoach.service.SocketModeHealth;

/**
 * The HTTP side: Slack's one endpoint {@code POST /slack/events} (see {@link SlackEndpoint}), {@code GET /healthz},
 * and JSON errors without stack traces. Stopping it lets requests in flight finish first.
 */
public final class WebServer implements AutoCloseable {

    public static final String EVENTS_PATH = "/slack/events";
    public static final String INSTALL_PATH = "/slack/install";
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final Server server;
    private final ServerConnector connector;

    private WebServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts everything but the port: the servlets are ready, but nothing can connect until {@link #listen()}. The
     * service prepares the server while its database migrates, and listens once the database is ready, so that the
     * first request, and the first {@code /healthz}, find the schema complete. Stop it with {@link #close()} either way.
     *
     * @param port the port to listen on, 0 for any free port
     * @param signingSecret checks that requests to {@value #EVENTS_PATH} come from Slack, before anything reads them;
     *     null to serve no {@value #EVENTS_PATH} (Socket Mode without a signing secret)
     * @param clock the time a request's signature must be close to
     * @param slackHealth what /healthz says about reaching Slack
     * @param socketMode what /healthz says about the Socket Mode connection, or null when not in Socket Mode
     * @param installFlow serves {@value #INSTALL_PATH} and {@value #REDIRECT_PATH}, or null when the app is not
     *     installed through OAuth
     * @param ourBotUser the app's bot user id, once the one workspace's token check has told it; null before and when
     *     the app is installed to many workspaces. Replies in threads others started are then answered at once.
     */
    public static WebServer prepare(
            int port,
            App app,
            String signingSecret,
            Clock clock,
            BooleanSupplier databaseUp,
            SlackHealth slackHealth,
            SocketModeHealth socketMode,
            HttpServlet installFlow,
            Supplier<String> ourBotUser)
            throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);

        ServletContextHandler context = new ServletContextHandler("/");
        if (signingSecret != null) {
            SlackEndpoint slack = new SlackEndpoint(app, new SignatureCheck(signingSecret, clock), ourBotUser);
            context.addServlet(new ServletHolder("slack", slack), EVENTS_PATH);
        }
        if (installFlow != null) {
            ServletHolder install = new ServletHolder("install", installFlow);
            context.addServlet(install, INSTALL_PATH);
            context.addServlet(install, REDIRECT_PATH);
        }
        context.addServlet(
                new ServletHolder("health", new HealthServlet(databaseUp, slackHealth, socketMode)), "/healthz");
        context.addServlet(new ServletHolder("not-found", new NotFoundServlet()), "/");
        context.setErrorHandler(new JsonErrorHandler());
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setStopAtShutdown(false);
        server.start();
        return new WebServer(server, connector);
    }

    /** Opens the port: from now on requests are served. */
    public void listen() throws Exception {
        server.addConnector(connector);
        if (!connector.isStarted()) {
            connector.start();
        }
    }

    /** The port listened on, or -1 before {@link #listen()}. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops taking requests, waits for those in flight, then stops. */
    @Override
    public void close() throws Exception {
        server.stop();
        connector.stop(); // in case the server did not take charge of a connector added after it started
    }
}
