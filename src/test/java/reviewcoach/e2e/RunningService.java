package reviewcoach.e2e;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import reviewcoach.ReviewCoach;
import reviewcoach.config.Policy;
import reviewcoach.config.Settings;
import reviewcoach.service.HomeService;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.summary.WeeklySchedule;
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
    /** Generous, because a loaded two-core machine can take seconds to answer fifty requests at once. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final TestDatabase database;
    private final boolean ownsDatabase;
    private final FakeSlackApi slack;
    private final String summaryChannel;
    private final Policy policy;
    private final ReviewCoach.Tuning tuning;
    private final SlackRequests requests;
    private Clock clock = Clock.systemUTC();
    private Settings settings;
    private ReviewCoach service;
    private AppClient client;
    /** Set for Socket Mode: then the service has no signing secret and serves no /slack/events. */
    private String appToken;

    /** The app-level token the Socket Mode tests start with; the fake Web API accepts any. */
    static final String APP_TOKEN = "xapp-1-A0TESTAPP-1700000000000-fake";

    private RunningService(
            TestDatabase database,
            boolean ownsDatabase,
            FakeSlackApi slack,
            String summaryChannel,
            Policy policy,
            ReviewCoach.Tuning tuning,
            SlackRequests requests) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.slack = slack;
        this.summaryChannel = summaryChannel;
        this.policy = policy;
        this.tuning = tuning;
        this.requests = requests;
    }

    /** Starts the service on a new database of its own, dropped when the service is closed. */
    static RunningService start(Path databaseFolder, FakeSlackApi slack, String summaryChannel) throws Exception {
        return start(databaseFolder, slack, summaryChannel, Policy.defaults(), ReviewCoach.Tuning.standard());
    }

    /** Like {@link #start(Path, FakeSlackApi, String)}, waiting on Slack as {@code tuning} says. */
    static RunningService start(
            Path databaseFolder, FakeSlackApi slack, String summaryChannel, ReviewCoach.Tuning tuning)
            throws Exception {
        return start(databaseFolder, slack, summaryChannel, Policy.defaults(), tuning);
    }

    /** Starts the service on a new database of its own, with the office's rules given. */
    static RunningService start(Path databaseFolder, FakeSlackApi slack, String summaryChannel, Policy policy)
            throws Exception {
        return start(databaseFolder, slack, summaryChannel, policy, ReviewCoach.Tuning.standard());
    }

    private static RunningService start(
            Path databaseFolder, FakeSlackApi slack, String summaryChannel, Policy policy, ReviewCoach.Tuning tuning)
            throws Exception {
        TestDatabase database = TestDatabase.create(databaseFolder);
        SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET);
        return new RunningService(database, true, slack, summaryChannel, policy, tuning, requests).started();
    }

    /**
     * Starts the service on a new database of its own, with the office's rules, tuning and clock given: a test that
     * moves the clock decides when reminders are due. Requests are signed at the clock's time.
     */
    static RunningService start(
            Path databaseFolder,
            FakeSlackApi slack,
            String summaryChannel,
            Policy policy,
            ReviewCoach.Tuning tuning,
            Clock clock)
            throws Exception {
        return startWithClock(databaseFolder, slack, summaryChannel, policy, tuning, clock, settings -> settings);
    }

    /** Starts the service in Socket Mode without a signing secret, on a new database of its own. */
    static RunningService startInSocketMode(Path databaseFolder, FakeSlackApi slack, ReviewCoach.Tuning tuning)
            throws Exception {
        TestDatabase database = TestDatabase.create(databaseFolder);
        SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET);
        RunningService service = new RunningService(database, true, slack, null, Policy.defaults(), tuning, requests);
        service.appToken = APP_TOKEN;
        return service.started();
    }

    /**
     * Starts the service on a new database of its own with a clock the test controls; requests are signed on the same
     * clock, so that their timestamps stay fresh whatever time the test sets.
     */
    static RunningService startWithClock(
            Path databaseFolder,
            FakeSlackApi slack,
            String summaryChannel,
            Policy policy,
            ReviewCoach.Tuning tuning,
            Clock clock,
            java.util.function.UnaryOperator<Settings> adjust)
            throws Exception {
        TestDatabase database = TestDatabase.create(databaseFolder);
        SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET, clock);
        RunningService service = new RunningService(database, true, slack, summaryChannel, policy, tuning, requests);
        service.clock = clock;
        service.settings = adjust.apply(service.settings());
        return service.started();
    }

    /** Like {@link #startAnother(TestDatabase, FakeSlackApi, String, SlackRequests)}, with the tuning and clock given. */
    static RunningService startAnother(
            TestDatabase database,
            FakeSlackApi slack,
            String summaryChannel,
            SlackRequests requests,
            ReviewCoach.Tuning tuning,
            Clock clock)
            throws Exception {
        RunningService service =
                new RunningService(database, false, slack, summaryChannel, Policy.defaults(), tuning, requests);
        service.clock = clock;
        return service.started();
    }

    /** Starts one more instance on a database and signer shared with others, as several instances behind a balancer. */
    static RunningService startAnother(
            TestDatabase database, FakeSlackApi slack, String summaryChannel, SlackRequests requests) throws Exception {
        return new RunningService(
                        database,
                        false,
                        slack,
                        summaryChannel,
                        Policy.defaults(),
                        ReviewCoach.Tuning.standard(),
                        requests)
                .started();
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

    /** A connection of the test's own to the service's database. */
    Connection connectToDatabase() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /**
     * Waits until the service owes Slack nothing: every delivery sent or given up. Waiting for a quiet spell is not
     * enough, because new messages are paced per channel and can wait a second or more.
     */
    void awaitOutboxEmpty() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = connectToDatabase();
                    ResultSet owed = connection
                            .createStatement()
                            .executeQuery(
                                    "SELECT COUNT(*) FROM outbox WHERE status IN ('QUEUED', 'PENDING', 'SENDING')")) {
                owed.next();
                if (owed.getLong(1) == 0) {
                    return;
                }
                Thread.sleep(20);
            } catch (SQLException | InterruptedException failure) {
                throw new AssertionError("could not read the outbox", failure);
            }
        }
        throw new AssertionError("the service still owes Slack messages after " + WAIT);
    }

    /** Makes the service's database refuse every connection. */
    void makeDatabaseUnreachable() throws SQLException {
        database.makeUnreachable();
    }

    Settings settings() {
        return new Settings(
                appToken == null ? TestWorkspace.SIGNING_SECRET : null,
                TestWorkspace.BOT_TOKEN,
                0,
                database.url(),
                database.user(),
                database.password(),
                summaryChannel,
                slack.apiUrl(),
                policy,
                appToken,
                WeeklySchedule.standard());
    }

    void startService() throws Exception {
        service = ReviewCoach.start(settings == null ? settings() : settings, clock, patientForPictures(tuning));
        client = new AppClient(URI.create("http://127.0.0.1:" + service.port()), CLIENT_TIMEOUT);
    }

    /** Stops the service as SIGTERM would, then starts a new one on the same database. */
    void restart() throws Exception {
        stopService();
        startService();
    }

    int port() {
        return service.port();
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

    /**
     * The tests compare whole homes, so a home waits for the month's picture (drawn in moments on a test's small
     * store, but a cold JVM on a busy machine can take longer than production's short wait), unless a test chose its
     * own wait.
     */
    private static ReviewCoach.Tuning patientForPictures(ReviewCoach.Tuning tuning) {
        return tuning.firstPictureWait().equals(HomeService.FIRST_PICTURE_WAIT)
                ? tuning.withFirstPictureWait(WAIT)
                : tuning;
    }
}
