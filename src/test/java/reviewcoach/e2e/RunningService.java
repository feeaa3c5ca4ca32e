package reviewcoach.e2e;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import reviewcoach.ReviewCoach;
import reviewcoach.config.Settings;
import reviewcoach.store.Database;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.TestWorkspace;

/**
 * The real service on a free port, with an H2 database in a test's temporary folder and the Slack Web API faked on
 * loopback; it can be stopped and started again on the same database, as a restart would.
 */
final class RunningService implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final Path databaseFolder;
    private final FakeSlackApi slack;
    private final String summaryChannel;
    private final ReviewCoach.Tuning tuning;
    private final SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET);
    private ReviewCoach service;
    private AppClient client;

    private RunningService(Path databaseFolder, FakeSlackApi slack, String summaryChannel, ReviewCoach.Tuning tuning) {
        this.databaseFolder = databaseFolder;
        this.slack = slack;
        this.summaryChannel = summaryChannel;
        this.tuning = tuning;
    }

    static RunningService start(Path databaseFolder, FakeSlackApi slack, String summaryChannel) throws Exception {
        return start(databaseFolder, slack, summaryChannel, ReviewCoach.Tuning.standard());
    }

    /** Like {@link #start(Path, FakeSlackApi, String)}, waiting on Slack as {@code tuning} says. */
    static RunningService start(
            Path databaseFolder, FakeSlackApi slack, String summaryChannel, ReviewCoach.Tuning tuning)
            throws Exception {
        RunningService running = new RunningService(databaseFolder, slack, summaryChannel, tuning);
        running.startService();
        return running;
    }

    String databaseUrl() {
        return "jdbc:h2:file:" + databaseFolder.resolve("review-coach").toAbsolutePath();
    }

    Settings settings() {
        return new Settings(
                TestWorkspace.SIGNING_SECRET,
                TestWorkspace.BOT_TOKEN,
                0,
                databaseUrl(),
                null,
                null,
                summaryChannel,
                slack.apiUrl());
    }

    void startService() throws Exception {
        service = ReviewCoach.start(settings(), Clock.systemUTC(), tuning);
        client = AppClient.onLocalPort(service.port());
    }

    /** Stops the service as SIGTERM would, then starts a new one on the same database. */
    void restart() throws Exception {
        stopService();
        startService();
    }

    /** Stops the service as SIGTERM would; {@link #startService()} starts it again on the same database. */
    void stopService() throws Exception {
        service.close();
        service = null;
    }

    AppClient client() {
        return client;
    }

    /** A client with connections of its own, for requests after which the server may close the connection. */
    AppClient newClient() {
        return AppClient.onLocalPort(service.port());
    }

    /** One signer for the whole test, so event ids never repeat unless a test repeats one on purpose. */
    SlackRequests requests() {
        return requests;
    }

    /** Opens the service's database from the test, as a second pool in the same process. */
    JdbcSessionStore openStore(java.util.List<HikariDataSource> toClose) {
        HikariDataSource dataSource = Database.open(databaseUrl(), null, null);
        toClose.add(dataSource);
        return new JdbcSessionStore(dataSource);
    }

    @Override
    public void close() throws Exception {
        if (service != null) {
            service.close();
        }
    }
}
