package reviewcoach.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server standing in for the Slack Web API: it records every call, answers like Slack, and can be told
 * to fail; thread-safe.
 *
 * <p>Point the SDK at it with {@code SlackConfig#setMethodsEndpointUrlPrefix(fake.apiUrl())}. Calls are named by their
 * Web API method ({@code chat.postMessage}); POSTs to a {@link #responseUrl(String) response URL} are named {@code
 * response_url:<id>} (see {@link #responseUrlMethod(String)}) and can be failed like any method. Any token is accepted.
 * Unknown methods answer {@code {"ok":true}}.
 *
 * <p>Besides the app's own calls, expect {@code auth.test} from the SDK (once per token, to label its metrics, unless
 * {@code slackConfig.getMethodsConfig().setStatsEnabled(false)}), from Bolt (with {@code singleTeamBotToken}), and
 * {@code bots.info} from Bolt for {@code bot_message} events; filter with {@link #calls(String)}.
 */
public final class FakeSlackApi implements AutoCloseable {

    /** Method name prefix of calls made to a {@link #responseUrl(String) response URL}. */
    public static final String RESPONSE_URL_METHOD_PREFIX = "response_url:";

    private static final int HANDLER_THREADS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final CallLog log = new CallLog();
    private final FailurePlan failures = new FailurePlan();
    private final SlackApiAnswers answers = new SlackApiAnswers();

    private FakeSlackApi(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** Gives a user a time zone in {@code users.info} (Slack's {@code tz}); others are in {@code America/New_York}. */
    public void timeZone(String userId, String zone) {
        answers.timeZone(userId, zone);
    }

    /** Makes {@code usergroups.users.list} answer these members for a user group; unknown groups are empty. */
    public void userGroup(String groupId, List<String> members) {
        answers.userGroup(groupId, members);
    }

    /**
     * Makes {@code oauth.v2.access} hand out a bot token for a workspace in exchange for this code, as Slack does at the
     * end of an install; any other code is {@code invalid_code}.
     */
    public void installable(String code, String teamId, String botToken) {
        answers.installable(code, teamId, botToken);
    }

    /** Makes {@code users.info} say this person is an admin of their workspace. */
    public void admin(String userId) {
        answers.admin(userId);
    }

    /** Starts a fake on a free port of 127.0.0.1. */
    public static FakeSlackApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            FakeSlackApi fake =
                    new FakeSlackApi(server, Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads()));
            server.createContext("/", new SlackApiHandler(fake.log, fake.failures, fake.answers));
            server.setExecutor(fake.handlers);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake Slack API", e);
        }
    }

    /** The Web API base URL with a trailing slash, e.g. {@code http://127.0.0.1:54321/api/}. */
    public String apiUrl() {
        return baseUrl() + SlackApiHandler.API_PATH;
    }

    /** A {@code response_url} on this fake that records POSTs as calls named {@link #responseUrlMethod(String)}. */
    public String responseUrl(String id) {
        return baseUrl() + SlackApiHandler.RESPONSE_PATH + id;
    }

    /** The method name under which POSTs to {@code responseUrl(id)} are recorded: {@code response_url:<id>}. */
    public static String responseUrlMethod(String id) {
        return RESPONSE_URL_METHOD_PREFIX + id;
    }

    /** Every call so far, in arrival order (a snapshot). */
    public List<Call> calls() {
        return log.all();
    }

    /** The calls to one method so far, in arrival order (a snapshot). */
    public List<Call> calls(String method) {
        return log.of(method);
    }

    /** The latest call to {@code method}; throws {@link AssertionError} if there was none. */
    public Call lastCall(String method) {
        return log.last(method)
                .orElseThrow(() -> new AssertionError("No call to " + method + "; calls received: " + calls()));
    }

    /**
     * Waits until at least {@code count} calls to {@code method} have arrived and returns all calls to it so far;
     * throws {@link AssertionError} listing what did arrive if the timeout passes first.
     */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        return log.awaitCalls(method, count, timeout);
    }

    /**
     * Waits until no call has arrived for {@code quietFor} (counted from this call at the earliest); throws {@link
     * AssertionError} once that can no longer happen within {@code timeout}, which must be at least {@code quietFor}.
     */
    public void awaitQuiet(Duration quietFor, Duration timeout) {
        log.awaitQuiet(quietFor, timeout);
    }

    /** Makes {@code apps.connections.open} hand out these Socket Mode URLs (see {@link FakeSocketMode#nextUrl()}). */
    public void answerSocketModeWith(java.util.function.Supplier<String> urls) {
        answers.answerSocketModeWith(urls);
    }

    /** Makes the next call to {@code method} fail this way. */
    public void failNext(String method, Failure failure) {
        failNext(method, 1, failure);
    }

    /** Makes the next {@code times} calls to {@code method} fail this way (queued after earlier planned failures). */
    public void failNext(String method, int times, Failure failure) {
        failures.failNext(method, times, failure);
    }

    /**
     * Waits until every failure queued for {@code method} has been handed to a call that arrived (a slow one may still
     * be answering); throws {@link AssertionError} if the timeout passes first.
     */
    public void awaitPlannedFailuresTaken(String method, Duration timeout) {
        try {
            if (!failures.awaitTaken(method, timeout)) {
                throw new AssertionError(
                        "Not every planned failure of " + method + " was taken; calls received: " + calls());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /** Makes every call to {@code method} fail this way, after any queued {@code failNext} failures, until reset. */
    public void failAlways(String method, Failure failure) {
        failures.failAlways(method, failure);
    }

    /** Forgets planned failures and recorded calls; message timestamps keep increasing. */
    public void reset() {
        failures.clear();
        log.clear();
    }

    /** Forgets recorded calls, keeping planned failures. */
    public void clearCalls() {
        log.clear();
    }

    /** Stops the server at once, interrupting slow answers and closing open connections. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "fake-slack-api-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One request the fake received and the HTTP status it answered ({@link #NO_ANSWER} if it dropped the connection).
     *
     * @param params form fields, or a JSON body's top-level fields (nested values as JSON text), plus query parameters
     */
    public record Call(
            String method,
            Map<String, String> params,
            String rawBody,
            String contentType,
            String authorization,
            Instant at,
            int status) {

        /** The status recorded when the fake closed the connection without answering. */
        public static final int NO_ANSWER = 0;

        public Call {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** One parameter's value, or null if absent. */
        public String param(String name) {
            return params.get(name);
        }

        /** A parameter holding JSON text (such as {@code blocks} or {@code view}) parsed; throws if absent or bad. */
        public JsonNode jsonParam(String name) {
            String text = params.get(name);
            if (text == null) {
                throw new AssertionError("No parameter " + name + " in call to " + method + ": " + params.keySet());
            }
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Parameter " + name + " of " + method + " is not JSON: " + text, e);
            }
        }

        /** The token used: from {@code Authorization: Bearer ...}, else the {@code token} parameter, else null. */
        public String token() {
            if (authorization != null && authorization.startsWith("Bearer ")) {
                return authorization.substring("Bearer ".length());
            }
            return params.get("token");
        }
    }
}
