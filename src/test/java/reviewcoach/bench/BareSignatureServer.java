package reviewcoach.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Floor (a) of the benchmark: Jetty configured as the app's {@code WebServer} is, with one servlet that checks Slack's
 * signature and timestamp and answers 200 with an empty body, and {@code /healthz}. Run as its own process with
 * {@code PORT} and {@code SLACK_SIGNING_SECRET} in the environment.
 */
public final class BareSignatureServer {

    private BareSignatureServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("PORT"));
        String secret = System.getenv("SLACK_SIGNING_SECRET");
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("slack", new SignatureChecking(secret)), "/slack/events");
        context.addServlet(new ServletHolder("health", new Healthy()), "/healthz");
        server.setHandler(context);
        server.start();
        server.join();
    }

    /** Answers 200 to a request whose signature and timestamp are good, 401 otherwise. */
    static final class SignatureChecking extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final long FIVE_MINUTES = 300;

        private final String secret;
        private final transient ThreadLocal<Signer> signers;

        SignatureChecking(String secret) {
            this.secret = secret;
            this.signers = ThreadLocal.withInitial(() -> new Signer(this.secret));
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = request.getInputStream().readAllBytes();
            String timestamp = request.getHeader("X-Slack-Request-Timestamp");
            String signature = request.getHeader("X-Slack-Signature");
            response.setStatus(isValid(timestamp, signature, body) ? 200 : 401);
        }

        private boolean isValid(String timestamp, String signature, byte[] body) {
            if (timestamp == null || signature == null) {
                return false;
            }
            try {
                long age = System.currentTimeMillis() / 1000 - Long.parseLong(timestamp);
                if (Math.abs(age) > FIVE_MINUTES) {
                    return false;
                }
            } catch (NumberFormatException malformed) {
                return false;
            }
            String expected = signers.get().signature(timestamp, body);
            return MessageDigest.isEqual(expected.getBytes(UTF_8), signature.getBytes(UTF_8));
        }
    }

    /** {@code GET /healthz}: always 200. */
    static final class Healthy extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(200);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":\"ok\"}");
        }
    }
}
