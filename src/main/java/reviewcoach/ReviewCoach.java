package reviewcoach;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.config.Settings;
import reviewcoach.config.SettingsException;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.http.WebServer;
import reviewcoach.service.ActionItemService;
import reviewcoach.service.BotTokens;
import reviewcoach.service.ChannelPacer;
import reviewcoach.service.Courier;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.service.DeliverySender;
import reviewcoach.service.DigestAddresses;
import reviewcoach.service.DigestPoster;
import reviewcoach.service.DigestScheduler;
import reviewcoach.service.FollowUpSender;
import reviewcoach.service.HomeService;
import reviewcoach.service.InstalledBotTokens;
import reviewcoach.service.Managers;
import reviewcoach.service.OfficeAdmin;
import reviewcoach.service.OfficeSettings;
import reviewcoach.service.Offices;
import reviewcoach.service.ReminderScheduler;
import reviewcoach.service.Retention;
import reviewcoach.service.RetryPolicy;
import reviewcoach.service.SessionService;
import reviewcoach.service.SlackHealth;
import reviewcoach.service.SocketModeHealth;
import reviewcoach.slack.ReviewCoachApp;
import reviewcoach.slack.TeamFeatures;
import reviewcoach.slack.api.SlackClients;
import reviewcoach.slack.api.SlackFollowUpGateway;
import reviewcoach.slack.api.SlackTeamViews;
import reviewcoach.slack.api.SlackWebGateway;
import reviewcoach.slack.oauth.OAuthInstall;
import reviewcoach.slack.socket.ReconnectTiming;
import reviewcoach.slack.socket.SocketModeConnection;
import reviewcoach.store.Database;
import reviewcoach.store.DatabaseOpening;
import reviewcoach.store.JdbcDigests;
import reviewcoach.store.JdbcInstallations;
import reviewcoach.store.JdbcOAuthStates;
import reviewcoach.store.JdbcOfficeSettings;
import reviewcoach.store.JdbcOutbox;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.store.JdbcTeamActivity;
import reviewcoach.store.Transactions;

/**
 * The running service, wired in one page: settings, database, store, Slack gateway, courier, Bolt app, web server.
 * Closing it stops taking requests, lets work in flight finish, and closes the pool.
 */
public final class ReviewCoach implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReviewCoach.class);

    /** How long an instance holds a delivery it sends: far longer than Slack's time-outs for one delivery's calls. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    /**
     * Callers in a commit, at least, when requests press and the courier gives way to them ({@link
     * Courier#giveWayWhile}): more than the courier's own claims and settlings can be on H2, where they share the
     * requests' committer; at a steady few requests a second there are one or two.
     */
    private static final int CALLERS_IN_COMMITS_WHEN_PRESSED = 8;

    private final HikariDataSource dataSource;
    private final Transactions transactions;
    private final Slack slack;
    private final Courier courier;
    private final App app;
    private final WebServer web;
    private final ScheduledExecutorService chores;
    private SocketModeConnection socketMode;
    private final ReminderScheduler reminders;

    private ReviewCoach(
            HikariDataSource dataSource,
            Transactions transactions,
            Slack slack,
            Courier courier,
            App app,
            WebServer web,
            ScheduledExecutorService chores,
            ReminderScheduler reminders) {
        this.reminders = reminders;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.slack = slack;
        this.courier = courier;
        this.app = app;
        this.web = web;
        this.chores = chores;
    }

    /**
     * How the service waits on Slack: when it tries a failed delivery again, and how long one Web API call may take.
     * Production uses {@link #standard()}; tests shorten both so that a retry takes milliseconds, not seconds.
     *
     * @param slackCallTimeout the longest one Web API call may take, connecting, sending and reading together; a call
     *     cut off is retried like a server error
     * @param socketMode how often the Socket Mode connection is checked and how reconnecting backs off
     * @param digestPoll how often the service looks whether the weekly digest is due
     * @param reminderPoll how often the service looks for action item reminders that are due
     * @param firstPictureWait how long the first App Home of a workspace waits for the month's picture before it is
     *     published without it (and again with it once it is drawn)
     */
    public record Tuning(
            RetryPolicy retryPolicy,
            Duration slackCallTimeout,
            ReconnectTiming socketMode,
            Duration digestPoll,
            Duration reminderPoll,
            Duration firstPictureWait) {
        /** How often reminders are looked for unless a test says otherwise. */
        public static final Duration REMINDER_POLL = Duration.ofSeconds(30);

        public Tuning {
            Objects.requireNonNull(retryPolicy, "retryPolicy");
            Objects.requireNonNull(socketMode, "socketMode");
            if (reminderPoll.isNegative() || reminderPoll.isZero()) {
                throw new IllegalArgumentException("reminderPoll must be positive, was " + reminderPoll);
            }
            if (slackCallTimeout.isNegative() || slackCallTimeout.isZero()) {
                throw new IllegalArgumentException("slackCallTimeout must be positive, was " + slackCallTimeout);
            }
            if (digestPoll.isNegative() || digestPoll.isZero()) {
                throw new IllegalArgumentException("digestPoll must be positive, was " + digestPoll);
            }
            if (firstPictureWait.isNegative()) {
                throw new IllegalArgumentException("firstPictureWait must not be negative, was " + firstPictureWait);
            }
        }

        /** Standard reconnecting, digest and reminder looks. */
        public Tuning(RetryPolicy retryPolicy, Duration slackCallTimeout) {
            this(retryPolicy, slackCallTimeout, ReconnectTiming.standard());
        }

        /** A look for the weekly digest every {@link #STANDARD_DIGEST_POLL}, for reminders every {@link #REMINDER_POLL}. */
        public Tuning(RetryPolicy retryPolicy, Duration slackCallTimeout, ReconnectTiming socketMode) {
            this(
                    retryPolicy,
                    slackCallTimeout,
                    socketMode,
                    STANDARD_DIGEST_POLL,
                    REMINDER_POLL,
                    HomeService.FIRST_PICTURE_WAIT);
        }

        public Tuning withReminderPoll(Duration every) {
            return new Tuning(retryPolicy, slackCallTimeout, socketMode, digestPoll, every, firstPictureWait);
        }

        /** {@link RetryPolicy#standard()}, and 30 seconds per call (within it, OkHttp's 10 seconds to connect). */
        public static Tuning standard() {
            return new Tuning(RetryPolicy.standard(), Duration.ofSeconds(30));
        }

        public Tuning withDigestPoll(Duration poll) {
            return new Tuning(retryPolicy, slackCallTimeout, socketMode, poll, reminderPoll, firstPictureWait);
        }

        public Tuning withFirstPictureWait(Duration wait) {
            return new Tuning(retryPolicy, slackCallTimeout, socketMode, digestPoll, reminderPoll, wait);
        }
    }

    /** How often the weekly digest is looked for: its hour starts within a minute. */
    static final Duration STANDARD_DIGEST_POLL = Duration.ofMinutes(1);

    /** Starts everything with the {@link Tuning#standard() standard tuning}. */
    public static ReviewCoach start(Settings settings, Clock clock) throws Exception {
        return start(settings, clock, Tuning.standard());
    }

    /** Starts everything; throws {@link SettingsException} when Slack refuses the bot token. */
    public static ReviewCoach start(Settings settings, Clock clock, Tuning tuning) throws Exception {
        // The database connects and migrates on its own thread while Slack's client starts and checks the token, and
        // while the app and its web server are built; each loads its own classes and waits on its own I/O, so on two
        // cores they take little longer than the slower of them. The port opens once the schema is complete.
        DatabaseOpening opening =
                DatabaseOpening.begin(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
        log.info("starting with {}", settings);
        Slack slack = Slack.getInstance(slackConfig(settings, tuning.slackCallTimeout()));
        SlackHealth slackHealth = new SlackHealth();
        SlackClients oneWorkspace = settings.installsToManyWorkspaces()
                ? null
                : new SlackClients(slack, BotTokens.single(settings.botToken()));
        // The bot's user id, from the one workspace's token check: replies in threads someone else started (a session's
        // thread starts with the bot's message) are then answered without a look in the database. Many workspaces
        // have many bots, and a shared channel may carry another's, so there it stays unknown.
        AtomicReference<String> ourBotUser = new AtomicReference<>();
        boolean tokenChecked;
        try {
            tokenChecked = oneWorkspace == null || checkToken(oneWorkspace, slackHealth, clock, ourBotUser);
        } catch (RuntimeException refused) {
            opening.abandon();
            throw refused;
        }
        HikariDataSource dataSource = opening.connected();
        Transactions transactions = Database.transactions(settings.databaseUrl(), dataSource);
        JdbcSessionStore store = new JdbcSessionStore(dataSource, transactions);
        JdbcTeamActivity activity = new JdbcTeamActivity(dataSource);
        Offices offices = new Offices(new JdbcOfficeSettings(dataSource), officeDefaults(settings), clock);
        JdbcInstallations installations = new JdbcInstallations(dataSource);
        InstalledBotTokens installedTokens =
                settings.installsToManyWorkspaces() ? new InstalledBotTokens(installations, clock) : null;
        SlackClients clients = oneWorkspace != null ? oneWorkspace : new SlackClients(slack, installedTokens);
        SlackWebGateway gateway =
                new SlackWebGateway(clients, workspace -> offices.of(workspace).practice());
        SlackTeamViews views = new SlackTeamViews(clients);
        ZoneId officeZone = settings.digestSchedule().zone();
        SlackFollowUpGateway followUpGateway = new SlackFollowUpGateway(clients);
        Managers managers = new Managers(offices, followUpGateway, clock);
        DigestAddresses digestAddresses =
                new DigestAddresses(offices, installedTokens == null ? null : installations::workspaces);
        DeliverySender sender = new DeliverySender(
                store,
                gateway,
                offices,
                ChannelPacer.slackDefault(),
                clock,
                new DigestPoster(activity, views, officeZone, digestAddresses),
                new FollowUpSender(store, gateway, followUpGateway, clock));
        JdbcOutbox outbox = new JdbcOutbox(
                dataSource,
                Database.courierTransactions(settings.databaseUrl(), dataSource, transactions),
                courierName(settings),
                CLAIM_LEASE);
        Courier courier = new Courier(outbox, sender, tuning.retryPolicy(), clock, slackHealth);
        Dialogue general = new Dialogue(CoachingRules.forPractice(PracticeType.GENERAL));
        Dialogue healthCare = new Dialogue(CoachingRules.forPractice(PracticeType.HEALTHCARE));
        SessionService sessions = new SessionService(
                store,
                workspace -> offices.of(workspace).practice() == PracticeType.HEALTHCARE ? healthCare : general,
                clock,
                courier::wake,
                settings.policy(),
                managers);
        ScheduledThreadPoolExecutor chores = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "chores");
            thread.setDaemon(true);
            return thread;
        });
        chores.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        DigestScheduler digests = new DigestScheduler(
                new JdbcDigests(dataSource), digestAddresses, settings.digestSchedule(), clock, courier::wake);
        TeamFeatures team = new TeamFeatures(
                new HomeService(activity, clock, officeZone, tuning.firstPictureWait()),
                views,
                digests,
                managers,
                new OfficeAdmin(offices, managers, followUpGateway));
        App app = ReviewCoachApp.build(
                settings.signingSecret(),
                slack,
                sessions,
                gateway,
                settings.policy(),
                chores,
                team,
                new ActionItemService(store, managers, clock, courier::wake));
        ReviewCoachApp.handleUninstalls(
                app,
                installedTokens != null
                        ? installedTokens::uninstalled
                        : workspace -> log.warn(
                                "the app was uninstalled from workspace {}: SLACK_BOT_TOKEN no longer works",
                                workspace));
        if (installedTokens != null) {
            ReviewCoachApp.onlyInstalledWorkspaces(app, installedTokens::isInstalled);
        }
        app.start();
        JdbcOAuthStates oauthStates = new JdbcOAuthStates(dataSource);
        scheduleRetention(chores, new Retention(store, settings.policy().retentionDays(), clock), () -> {
            int expired = oauthStates.forgetExpired(clock.instant());
            log.debug("forgot {} expired install states", expired);
        });
        if (!tokenChecked) {
            recheckTokenUntilSlackAnswers(chores, oneWorkspace, slackHealth, clock, ourBotUser);
        }
        SocketModeHealth socketHealth = settings.socketMode() ? new SocketModeHealth() : null;
        WebServer web = WebServer.prepare(
                settings.port(),
                app,
                settings.signingSecret(),
                clock,
                store::isHealthy,
                slackHealth,
                socketHealth,
                settings.installsToManyWorkspaces()
                        ? OAuthInstall.servlet(settings.oauth(), slack, installations, oauthStates, clock)
                        : null,
                ourBotUser::get);
        try {
            opening.awaitMigrated();
            web.listen();
        } catch (Exception failure) {
            web.close();
            app.stop();
            chores.shutdownNow();
            transactions.close();
            dataSource.close();
            throw failure;
        }
        courier.giveWayWhile(() -> transactions.callers() >= CALLERS_IN_COMMITS_WHEN_PRESSED);
        courier.start(); // after the port is ours: no other live instance has this courier's name
        store.handReactionsTo(outbox, courier); // after the start, whose release of old claims would take them
        digests.start(chores, tuning.digestPoll());
        ReminderScheduler reminders = new ReminderScheduler(store, clock, tuning.reminderPoll(), courier::wake);
        reminders.start();
        log.info("sending what the database owes Slack as courier {}", outbox.courier());
        ReviewCoach service = new ReviewCoach(dataSource, transactions, slack, courier, app, web, chores, reminders);
        if (settings.socketMode()) {
            service.connectOverSocketMode(settings, socketHealth, clock, tuning.socketMode());
        } else {
            log.info("listening on port {}; Slack sends requests to /slack/events", web.port());
        }
        if (installedTokens != null) {
            log.info(
                    "installing to many workspaces: admins install at /slack/install ({} installed so far)",
                    installations.workspaces().size());
        }
        return service;
    }

    /** Takes Slack's requests over Socket Mode; a refused app-level token stops everything already started. */
    private void connectOverSocketMode(Settings settings, SocketModeHealth health, Clock clock, ReconnectTiming timing)
            throws Exception {
        try {
            socketMode = SocketModeConnection.open(slack, settings.appToken(), app, health, clock, timing);
        } catch (SettingsException refused) {
            close();
            throw refused;
        }
        log.info(
                "Slack sends requests over Socket Mode{}; /healthz on port {}",
                settings.signingSecret() == null ? "" : " (and to /slack/events)",
                web.port());
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() throws Exception {
        log.info("stopping: finishing requests in flight");
        if (socketMode != null) {
            socketMode.close();
        }
        web.close();
        app.stop();
        chores.shutdown();
        chores.awaitTermination(10, TimeUnit.SECONDS);
        reminders.close();
        courier.close();
        transactions.close();
        dataSource.close();
        slack.close();
        log.info("stopped");
    }

    /** What a workspace that chose nothing in the App Home gets: the environment's settings. */
    private static OfficeSettings officeDefaults(Settings settings) {
        return new OfficeSettings(
                settings.summaryChannel(),
                settings.policy().managers(),
                settings.policy().practice());
    }

    /** Deletes expired sessions (and whatever else has expired) a minute after start, then once a day. */
    private static void scheduleRetention(
            ScheduledExecutorService chores, Retention retention, Runnable alsoForgetExpired) {
        chores.scheduleWithFixedDelay(
                () -> {
                    try {
                        retention.purge();
                        alsoForgetExpired.run();
                    } catch (RuntimeException failure) {
                        log.warn("retention failed, trying again tomorrow: {}", failure.toString());
                    }
                },
                1,
                TimeUnit.DAYS.toMinutes(1),
                TimeUnit.MINUTES);
    }

    /**
     * The name this instance's courier claims deliveries under: host and port, so that an instance restarted on the
     * same host and port takes back at once what it was sending when it was killed, while instances on other hosts or
     * ports never touch each other's claims. With a port chosen at random (0), the name is made unique instead.
     */
    static String courierName(Settings settings) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            host = "localhost";
        }
        String port = settings.port() == 0 ? "any-" + UUID.randomUUID() : String.valueOf(settings.port());
        return host + ":" + port;
    }

    /**
     * Without a call timeout OkHttp waits for ever on a Slack that sends a byte every few seconds; its read timeout, 10
     * seconds by default, is raised to the call timeout so that a slow but working Slack is not cut off early (a call
     * cut off after Slack acted on it is sent again, and a message can then appear twice).
     */
    private static SlackConfig slackConfig(Settings settings, Duration callTimeout) {
        SlackConfig config = new SlackConfig();
        config.setHttpClientCallTimeoutMillis(Math.toIntExact(callTimeout.toMillis()));
        config.setHttpClientReadTimeoutMillis(Math.toIntExact(callTimeout.toMillis()));
        config.setMethodsEndpointUrlPrefix(settings.slackApiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        config.getMethodsConfig().setStatsEnabled(false);
        return config;
    }

    /**
     * A token Slack refuses stops the start with a clear message; Slack being unreachable does not, because the
     * outbox keeps what is owed until Slack is back.
     *
     * @param botUser set to the bot's user id when Slack answers
     * @return true when Slack answered
     */
    private static boolean checkToken(
            SlackClients clients, SlackHealth health, Clock clock, AtomicReference<String> botUser) {
        try {
            AuthTestResponse identity = clients.checkToken(null);
            health.reachable(clock.instant());
            botUser.set(identity.getUserId());
            log.info("connected to workspace {} as bot user {}", identity.getTeamId(), identity.getUserId());
            return true;
        } catch (DeliveryFailure failure) {
            if (failure.kind() == DeliveryFailure.Kind.PERMANENT) {
                throw new SettingsException("SLACK_BOT_TOKEN was refused by Slack (" + failure.error() + "): copy the"
                        + " Bot User OAuth Token (xoxb-...) again from https://api.slack.com/apps > your app >"
                        + " OAuth & Permissions, and reinstall the app if it was removed");
            }
            health.unreachable(failure.error(), clock.instant());
            log.warn("could not reach Slack to check the bot token ({}); starting anyway", failure.error());
            return false;
        }
    }

    /** Asks Slack again every 30 seconds until it answers, so that /healthz and the logs tell when it is back. */
    private static void recheckTokenUntilSlackAnswers(
            ScheduledExecutorService chores,
            SlackClients clients,
            SlackHealth health,
            Clock clock,
            AtomicReference<String> botUser) {
        chores.schedule(
                () -> {
                    try {
                        if (!checkToken(clients, health, clock, botUser)) {
                            recheckTokenUntilSlackAnswers(chores, clients, health, clock, botUser);
                        }
                    } catch (SettingsException refused) {
                        log.error("{}", refused.getMessage());
                    }
                },
                30,
                TimeUnit.SECONDS);
    }
}
