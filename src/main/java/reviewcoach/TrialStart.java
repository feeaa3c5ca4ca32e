package reviewcoach;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collections;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import reviewcoach.config.Settings;

/**
 * One start of the whole service on a scratch H2 database, against a stand-in for Slack's Web API on loopback, up to
 * a healthy {@code GET /healthz}, then a clean stop. It is the run the JVM records its class-data archive from
 * ({@code java -XX:ArchiveClassesAtExit=review-coach.jsa -jar review-coach.jar trial-start}), so that later starts
 * with {@code -XX:SharedArchiveFile=review-coach.jsa} load the same classes from the archive; it touches no real
 * database and sends nothing to Slack.
 *
 * <p>It runs on H2, so it also loads, without running them, the classes a start on PostgreSQL adds: the driver's, Flyway's
 * PostgreSQL support, and the JDK's SCRAM-SHA-256 (PostgreSQL's password exchange). Starts on PostgreSQL then find them
 * in the archive too.
 */
final class TrialStart {

    private static final String SIGNING_SECRET = "trial-start-signing-secret-not-a-real-one";
    private static final String AUTH_TEST_ANSWER =
            "{\"ok\":true,\"url\":\"https://trial.slack.com/\",\"team\":\"trial\","
                    + "\"user\":\"review-coach\",\"team_id\":\"T0TRIAL\",\"user_id\":\"U0TRIAL\",\"bot_id\":\"B0TRIAL\"}";

    private TrialStart() {}

    /** Starts, checks {@code /healthz}, stops; throws when any of it fails. */
    static void run() throws Exception {
        Path scratch = Files.createTempDirectory("review-coach-trial-start");
        HttpServer slack = standInSlack();
        try {
            Settings settings = new Settings(
                    SIGNING_SECRET,
                    "xoxb-trial-start",
                    0,
                    "jdbc:h2:file:" + scratch.resolve("review-coach").toAbsolutePath(),
                    null,
                    null,
                    null,
                    "http://127.0.0.1:" + slack.getAddress().getPort() + "/api/");
            try (ReviewCoach service = ReviewCoach.start(settings, Clock.systemUTC())) {
                int status = healthStatus(service.port());
                if (status != 200) {
                    throw new IllegalStateException("/healthz answered " + status + " after the trial start");
                }
            }
        } finally {
            slack.stop(0);
            deleteAll(scratch);
        }
        loadPostgresClasses();
    }

    /** Loads (without initializing) every class of the PostgreSQL driver and of Flyway's PostgreSQL support. */
    private static void loadPostgresClasses() throws Exception {
        Path jar = Path.of(TrialStart.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (!Files.isRegularFile(jar)) {
            return; // run from classes, not from the jar: no archive is being made
        }
        ClassLoader loader = TrialStart.class.getClassLoader();
        try (JarFile classes = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(classes.entries())) {
                String name = entry.getName();
                if ((name.startsWith("org/postgresql/") || name.startsWith("org/flywaydb/database/postgresql/"))
                        && name.endsWith(".class")) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    } catch (LinkageError | ClassNotFoundException optional) {
                        // a class for a feature whose library the jar leaves out (OSGi, Waffle): not needed to start
                    }
                }
            }
        }
        Mac.getInstance("HmacSHA256");
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        MessageDigest.getInstance("SHA-256");
    }

    /** Answers every Web API method as {@code auth.test} does for a working bot token. */
    private static HttpServer standInSlack() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", exchange -> {
            try (InputStream request = exchange.getRequestBody();
                    OutputStream response = exchange.getResponseBody()) {
                request.readAllBytes();
                byte[] body = AUTH_TEST_ANSWER.getBytes(UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                response.write(body);
            }
        });
        server.start();
        return server;
    }

    private static int healthStatus(int port) throws IOException {
        HttpURLConnection connection = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/healthz").toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
