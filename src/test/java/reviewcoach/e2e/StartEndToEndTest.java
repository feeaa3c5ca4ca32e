package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.config.Settings;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.TestWorkspace;

/**
 * How the service starts: the port opens only once the database's schema is complete, even though the web server is
 * made ready while the migrations run; and the trial start the build records the class-data archive from works, with
 * or without a usable archive.
 */
class StartEndToEndTest {

    /** The settings the service adds to an H2 URL (see {@code Database.withDefaults}), so both open it alike. */
    private static final String H2_SETTINGS =
            ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128";

    @TempDir
    Path folder;

    private final FakeSlackApi slack = FakeSlackApi.start();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void thePortOpensOnlyOnceEveryMigrationHasRun() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath();
        Flyway.configure()
                .dataSource(url + H2_SETTINGS, null, null)
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        int port = ServiceProcess.freePort();
        CompletableFuture<ReviewCoach> starting;
        try (Connection holder = DriverManager.getConnection(url + H2_SETTINGS)) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                // Flyway locks its history table before migrating: holding the lock holds the migrations back.
                statement
                        .executeQuery("SELECT * FROM \"flyway_schema_history\" FOR UPDATE")
                        .close();
            }
            starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return ReviewCoach.start(settings(port, url), Clock.systemUTC());
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
            });

            Thread.sleep(2_000);
            assertFalse(starting.isDone(), "the start waits for the migrations");
            assertThrows(ConnectException.class, () -> connect(port), "and the port stays closed meanwhile");
            holder.commit();
        }

        try (ReviewCoach service = starting.get(60, TimeUnit.SECONDS)) {
            assertEquals(200, AppClient.onLocalPort(port).get("/healthz").status());
            try (Connection connection = DriverManager.getConnection(url + H2_SETTINGS);
                    Statement statement = connection.createStatement();
                    ResultSet applied = statement.executeQuery(
                            "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"type\" = 'SQL'")) {
                applied.next();
                assertEquals(migrationFiles(), applied.getInt(1), "every migration ran before the port opened");
            }
        }
    }

    @Test
    void theTrialStartStartsAndStopsOnAScratchDatabase() throws Exception {
        TrialRun run = trialStart(List.of());

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("listening on port"), run.output());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(
                    List.of(),
                    left.filter(path -> !path.getFileName().toString().startsWith("trial"))
                            .toList(),
                    "it leaves no database behind in the working directory");
        }
    }

    @Test
    void aMissingOrUnreadableClassArchiveOnlyMakesTheStartSlower() throws Exception {
        Path unreadable = Files.write(folder.resolve("stale.jsa"), new byte[4096]);

        TrialRun missing = trialStart(List.of("-XX:SharedArchiveFile=" + folder.resolve("missing.jsa")));
        TrialRun stale = trialStart(List.of("-XX:SharedArchiveFile=" + unreadable));

        assertEquals(0, missing.exitCode(), missing.output());
        assertEquals(0, stale.exitCode(), stale.output());
    }

    private record TrialRun(int exitCode, String output) {}

    /** Runs {@code reviewcoach.Main trial-start} in a new JVM from the test class path. */
    private TrialRun trialStart(List<String> javaOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "reviewcoach.Main", "trial-start"));
        Path output = Files.createTempFile(folder, "trial", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("LOG_LEVEL");
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the trial start did not end:\n" + Files.readString(output));
        }
        return new TrialRun(process.exitValue(), Files.readString(output));
    }

    private Settings settings(int port, String url) {
        return new Settings(
                TestWorkspace.SIGNING_SECRET, TestWorkspace.BOT_TOKEN, port, url, null, null, null, slack.apiUrl());
    }

    private static int migrationFiles() throws IOException, URISyntaxException {
        Path migrations =
                Path.of(StartEndToEndTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            return (int) files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }
}
