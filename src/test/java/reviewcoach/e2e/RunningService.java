package reviewcoach.e2e;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import reviewcoach.ReviewCoach;
import reviewcoach.config.Policy;
import reviewcoach.config.Settings;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.TestDatabase;
import reviewcoach.testing.TestWorkspace;

/**
 * The real service on a free port, with a fresh {@link TestDatabase} (H2 in a test's temporary folder, or PostgreSQL)
 * and the Slack Web API faked on loopback; it can be stopped and started again on the same database, as a restart
 * would.
 */
final class RunningService implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final TestDatabase database;
    private final boolean ownsDatabase;
    private final FakeSlackApi slack;
    private final String summaryChannel;
    private final Policy policy;
    private final SlackRequests requests;
    private ReviewCoach service;
    private AppClient client;

    private RunningService(
            TestDatabase database,
            boolean ownsDatabase,
            FakeSlackApi slack,
            String summaryChannel,
            Policy policy,
            SlackRequests requests) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.slack = slack;
        this.summaryChannel = summaryChannel;
        this.policy = policy;
        this.requests = requests;
    }

    /** Starts the service on a new database of its own, dropped when the service is closed. */
    static RunningService start(Path databaseFolder, FakeSlackApi slack, String summaryChannel) throws Exception {
        return start(databaseFolder, slack, summaryChannel, Policy.defaults());
    }

    /** Starts the service on a new database of its own, with the office's rules given. */
    static RunningService start(Path databaseFolder, FakeSlackApi slack, String summaryChannel, Policy policy)
            throws Exception {
        TestDatabase database = TestDatabase.create(databaseFolder);
        SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET);
        return new RunningService(database, true, slack, summaryChannel, policy, requests).started();
    }

    /** Starts one more instance on a database and signer shared with others, as several instances behind a balancer. */
    static RunningService startAnother(
            TestDatabase database, FakeSlackApi slack, String summaryChannel, SlackRequests requests) throws Exception {
        return new RunningService(database, false, slack, summaryChannel, Policy.defaults(), requests).started();
    }

    private RunningService started() throws Exception {
        try {
            startService();
            return this;
        } catch (Exception | Error failure) {
            if (ownsDatabase) {
                database.close();
            }
            throw failure;
        }
    }

    /** Makes the service's database refuse every connection. */
    void makeDatabaseUnreachable() throws SQLException {
        database.makeUnreachable();
    }

    Settings settings() {
        return new Settings(
                TestWorkspace.SIGNING_SECRET,
                TestWorkspace.BOT_TOKEN,
                0,
                database.url(),
                database.user(),
                database.password(),
                summaryChannel,
                slack.apiUrl(),
                policy);
    }

    void startService() throws Exception {
        service = ReviewCoach.start(settings(), Clock.systemUTC());
        client = AppClient.onLocalPort(service.port());
    }

    /** Stops the service as SIGTERM would, then starts a new one on the same database. */
    void restart() throws Exception {
        service.close();
        startService();
    }

    int port() {
        return service.port();
    }

    AppClient client() {
        return client;
    }

    /** One signer for the whole test, so event ids never repeat unless a test repeats one on purpose. */
    SlackRequests requests() {
        return requests;
    }

    /** Opens the service's database from the test, as a second pool in the same process. */
    JdbcSessionStore openStore(java.util.List<HikariDataSource> toClose) {
        HikariDataSource dataSource = database.open();
        toClose.add(dataSource);
        return new JdbcSessionStore(dataSource);
    }

    @Override
    public void close() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }
}
