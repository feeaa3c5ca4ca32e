package reviewcoach.slack.socket;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.impl.SocketModeClientTyrusImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.config.SettingsException;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.service.SocketModeHealth;
import reviewcoach.slack.api.SocketModeUrls;

/**
 * Keeps the service connected to Slack over Socket Mode with the SDK's Tyrus client, and hands every envelope to an
 * {@link EnvelopeHandler}. Bolt's client reconnects at once when Slack sends {@code disconnect}, but its own session
 * monitor retries a lost connection every 10 seconds for ever, logging a stack trace each time; so it is switched off,
 * and this class checks the connection with a ping every {@link ReconnectTiming#checkEvery()} (and soon after every
 * close), reconnecting with a new URL after capped, jittered backoff, after {@code Retry-After} when rate limited, and
 * reporting each state to {@link SocketModeHealth}. The client reads every envelope on one thread, so they are handled
 * side by side on {@link EnvelopeWorkers}. Thread-safe.
 */
public final class SocketModeConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);

    private final Slack slack;
    private final String appToken;
    private final SocketModeUrls urls;
    private final App app;
    private final SocketModeHealth health;
    private final Clock clock;
    private final ReconnectTiming timing;
    private final ScheduledThreadPoolExecutor keeper;
    private final ThreadPoolExecutor workers;

    private SocketModeClient client;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private boolean stopped;

    private SocketModeConnection(
            Slack slack, String appToken, App app, SocketModeHealth health, Clock clock, ReconnectTiming timing) {
        this.slack = slack;
        this.appToken = appToken;
        this.urls = new SocketModeUrls(slack, appToken);
        this.app = app;
        this.health = health;
        this.clock = clock;
        this.timing = timing;
        this.keeper = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "socket-mode-keeper");
            thread.setDaemon(true);
            return thread;
        });
        this.keeper.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.workers = EnvelopeWorkers.create();
    }

    /**
     * Connects, or keeps trying in the background when Slack cannot be reached now.
     *
     * @throws SettingsException when Slack refuses the app-level token
     */
    public static SocketModeConnection open(
            Slack slack, String appToken, App app, SocketModeHealth health, Clock clock, ReconnectTiming timing) {
        SocketModeConnection connection = new SocketModeConnection(slack, appToken, app, health, clock, timing);
        health.connecting(clock.instant());
        connection.firstAttempt();
        connection.keeper.scheduleWithFixedDelay(
                connection::keep,
                timing.checkEvery().toMillis(),
                timing.checkEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        return connection;
    }

    private synchronized void firstAttempt() {
        try {
            attempt();
        } catch (DeliveryFailure failure) {
            if (failure.kind() == DeliveryFailure.Kind.PERMANENT) {
                keeper.shutdownNow();
                workers.shutdownNow();
                throw new SettingsException("SLACK_APP_TOKEN was refused by Slack (" + failure.error() + "): create"
                        + " an app-level token with the scope connections:write at https://api.slack.com/apps > your"
                        + " app > Basic Information > App-Level Tokens, and check that Socket Mode is on");
            }
            failed(failure);
        }
    }

    /** Checks the connection; reconnects when it is gone and the backoff has passed. */
    private synchronized void keep() {
        if (stopped) {
            return;
        }
        try {
            if (client != null && client.verifyConnection()) {
                if (health.state() != SocketModeHealth.State.CONNECTED) {
                    connected();
                }
                return;
            }
            if (health.state() == SocketModeHealth.State.CONNECTED) {
                log.warn("the Socket Mode connection to Slack dropped; reconnecting");
                health.reconnecting(null, clock.instant());
                nextAttempt = Instant.MIN;
            }
            if (clock.instant().isBefore(nextAttempt)) {
                return;
            }
            attempt();
        } catch (DeliveryFailure failure) {
            failed(failure);
        } catch (RuntimeException unexpected) {
            failed(DeliveryFailure.transientFailure(unexpected.getClass().getSimpleName(), unexpected));
        }
    }

    /** Asks for a new URL and connects to it; throws {@link DeliveryFailure} when either fails. */
    private void attempt() {
        String url = urls.open();
        try {
            if (client == null) {
                client = newClient(url);
            } else {
                client.setWssUri(new URI(url));
            }
            client.connect(); // logs and swallows its own failures: the ping below tells
        } catch (URISyntaxException | IOException unusable) {
            throw DeliveryFailure.transientFailure(unusable.getClass().getSimpleName(), unusable);
        }
        if (!client.verifyConnection()) {
            throw DeliveryFailure.transientFailure("websocket_unreachable", null);
        }
        connected();
    }

    private SocketModeClient newClient(String url) throws URISyntaxException {
        SocketModeClient created = new SocketModeClientTyrusImpl(
                slack,
                appToken,
                url,
                1,
                new ConcurrentLinkedMessageQueue(),
                false,
                false,
                SocketModeClient.DEFAULT_SESSION_MONITOR_INTERVAL_MILLISECONDS);
        created.addWebSocketMessageListener(new EnvelopeHandler(app, created::sendSocketModeResponse, workers));
        created.addWebSocketCloseListener((code, reason) -> afterClose());
        return created;
    }

    private void connected() {
        failures = 0;
        health.connected(clock.instant());
        log.info("connected to Slack over Socket Mode");
    }

    private void failed(DeliveryFailure failure) {
        failures++;
        Duration wait =
                switch (failure.kind()) {
                    case RATE_LIMITED -> failure.retryAfter();
                    case TRANSIENT -> timing.backoff(failures);
                    case PERMANENT -> timing.maxDelay();
                };
        nextAttempt = clock.instant().plus(wait);
        health.reconnecting(failure.error(), clock.instant());
        log.warn(
                "could not connect to Slack over Socket Mode ({}), attempt {}; trying again in {} ms",
                failure.error(),
                failures,
                wait.toMillis());
    }

    /** Checks soon after a close: Slack may have asked for a refresh, which the client answers by itself. */
    private void afterClose() {
        try {
            keeper.schedule(this::keep, timing.firstDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // closing: nothing to check
        }
    }

    /**
     * Stops handling envelopes, lets those being handled finish and send their acknowledgements, then closes the
     * WebSocket; envelopes that arrived meanwhile go unacknowledged, so Slack delivers them again later.
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            stopped = true;
        }
        keeper.shutdownNow();
        awaitQuietly(keeper);
        SocketModeClient current;
        synchronized (this) {
            current = client;
        }
        if (current != null) {
            current.getMessageProcessorExecutor().shutdown();
            awaitQuietly(current.getMessageProcessorExecutor());
        }
        workers.shutdown();
        awaitQuietly(workers);
        if (current != null) {
            current.close();
        }
        health.stopped(clock.instant());
        log.info("closed the Socket Mode connection");
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Socket Mode work still running after 10 seconds; closing anyway");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
