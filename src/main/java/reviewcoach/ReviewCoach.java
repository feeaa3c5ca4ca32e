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
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.config.Settings;
import reviewcoach.config.SettingsException;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.http.WebServer;
import reviewcoach.service.Courier;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.service.DeliverySender;
import reviewcoach.service.RetryPolicy;
import reviewcoach.service.SessionService;
import reviewcoach.slack.ReviewCoachApp;
import reviewcoach.slack.api.SlackWebGateway;
import reviewcoach.store.Database;
import reviewcoach.store.JdbcOutbox;
import reviewcoach.store.JdbcSessionStore;

/**
 * The running service, wired in one page: settings, database, store, Slack gateway, courier, Bolt app, web server.
 * Closing it stops taking requests, lets work in flight finish, and closes the pool.
 */
public final class ReviewCoach implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReviewCoach.class);

    /** How long an instance holds a delivery it sends: far longer than Slack's time-outs for one delivery's calls. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    private final HikariDataSource dataSource;
    private final Slack slack;
    private final Courier courier;
    private final App app;
    private final WebServer web;

    private ReviewCoach(HikariDataSource dataSource, Slack slack, Courier courier, App app, WebServer web) {
        this.dataSource = dataSource;
        this.slack = slack;
        this.courier = courier;
        this.app = app;
        this.web = web;
    }

    /** Starts everything; throws {@link SettingsException} when Slack refuses the bot token. */
    public static ReviewCoach start(Settings settings, Clock clock) throws Exception {
        log.info("starting with {}", settings);
        Slack slack = Slack.getInstance(slackConfig(settings));
        SlackWebGateway gateway = new SlackWebGateway(slack, settings.botToken());
        checkToken(gateway);

        HikariDataSource dataSource =
                Database.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
        JdbcSessionStore store = new JdbcSessionStore(dataSource);
        DeliverySender sender = new DeliverySender(store, gateway, settings.summaryChannel());
        JdbcOutbox outbox = new JdbcOutbox(dataSource, courierName(settings), CLAIM_LEASE);
        Courier courier = new Courier(outbox, sender, RetryPolicy.standard(), clock, 4);
        SessionService sessions =
                new SessionService(store, new Dialogue(CoachingRules.standard()), clock, courier::wake);
        App app = ReviewCoachApp.build(settings.signingSecret(), slack, sessions, gateway);
        app.start();
        WebServer web = WebServer.start(settings.port(), app, store::isHealthy);
        courier.start(); // after the port is ours: no other live instance has this courier's name
        log.info("listening on port {}; Slack sends requests to /slack/events", web.port());
        log.info("sending what the database owes Slack as courier {}", outbox.courier());
        return new ReviewCoach(dataSource, slack, courier, app, web);
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() throws Exception {
        log.info("stopping: finishing requests in flight");
        web.close();
        app.stop();
        courier.close();
        dataSource.close();
        slack.close();
        log.info("stopped");
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

    private static SlackConfig slackConfig(Settings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.slackApiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        config.getMethodsConfig().setStatsEnabled(false);
        return config;
    }

    /**
     * A token Slack refuses stops the start with a clear message; Slack being unreachable does not, because the
     * outbox keeps what is owed until Slack is back.
     */
    private static void checkToken(SlackWebGateway gateway) {
        try {
            AuthTestResponse identity = gateway.checkToken();
            log.info("connected to workspace {} as bot user {}", identity.getTeamId(), identity.getUserId());
        } catch (DeliveryFailure failure) {
            if (failure.kind() == DeliveryFailure.Kind.PERMANENT) {
                throw new SettingsException("SLACK_BOT_TOKEN was refused by Slack (" + failure.error() + "): copy the"
                        + " Bot User OAuth Token (xoxb-...) again from https://api.slack.com/apps > your app >"
                        + " OAuth & Permissions, and reinstall the app if it was removed");
            }
            log.warn("could not reach Slack to check the bot token ({}); starting anyway", failure.error());
        }
    }
}
