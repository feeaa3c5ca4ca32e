package reviewcoach.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import reviewcoach.testing.TestWorkspace;

/**
 * A fast stand-in for the Slack Web API on 127.0.0.1 for the benchmark: it answers at once, counts calls, remembers
 * the threads the app opens, and records when each reaction arrives. Unlike {@code FakeSlackApi} it keeps no call log,
 * so it stays cheap at thousands of calls a second. Thread-safe.
 */
final class BenchSlackApi implements AutoCloseable {

    private static final String OK = "{\"ok\":true}";

    private final Server server;
    private final AtomicLong nextTsMicros = new AtomicLong(1_700_000_000_000_100L);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong reactions = new AtomicLong();
    private final Map<String, Long> reactionArrivals = new ConcurrentHashMap<>();
    private final Map<String, List<String>> threadsByChannel = new ConcurrentHashMap<>();
    private volatile boolean recordingReactions;
    private final Map<String, Long> publishArrivals = new ConcurrentHashMap<>();

    private BenchSlackApi() {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("bench-slack-api");
        threads.setDaemon(true);
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Answering());
    }

    static BenchSlackApi start() throws Exception {
        BenchSlackApi api = new BenchSlackApi();
        api.server.start();
        return api;
    }

    String apiUrl() {
        return baseUrl() + "/api/";
    }

    String responseUrl() {
        return baseUrl() + "/response/bench";
    }

    long calls() {
        return calls.get();
    }

    /** Every {@code chat.postMessage} so far. */
    long posts() {
        return posts.get();
    }

    /** Every {@code reactions.add} so far. */
    long reactions() {
        return reactions.get();
    }

    /** The threads (root message ts) the app has opened in a channel, in the order it opened them. */
    /** Every thread opened in a channel whose id starts with the prefix. */
    List<SlackTraffic.ThreadRef> threadsInChannelsStartingWith(String prefix) {
        List<SlackTraffic.ThreadRef> threads = new ArrayList<>();
        threadsByChannel.forEach((channel, inChannel) -> {
            if (channel.startsWith(prefix)) {
                synchronized (inChannel) {
                    inChannel.forEach(thread -> threads.add(new SlackTraffic.ThreadRef(channel, thread)));
                }
            }
        });
        return threads;
    }

    List<String> threadsIn(String channel) {
        List<String> threads = threadsByChannel.getOrDefault(channel, List.of());
        synchronized (threads) {
            return new ArrayList<>(threads);
        }
    }

    /** Starts recording the arrival time of each reaction, by the ts of the message it marks; forgets earlier ones. */
    /** Starts timing {@code views.publish} calls afresh, keyed by the user whose home was published. */
    void recordPublishes() {
        publishArrivals.clear();
    }

    /** When each home was published since {@link #recordPublishes()}, in {@link System#nanoTime()}. */
    Map<String, Long> recordedPublishes() {
        return new HashMap<>(publishArrivals);
    }

    void recordReactions() {
        reactionArrivals.clear();
        recordingReactions = true;
    }

    /** Stops recording and returns message ts to arrival {@link System#nanoTime()}. */
    Map<String, Long> recordedReactions() {
        recordingReactions = false;
        return new HashMap<>(reactionArrivals);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private String nextTs() {
        long micros = nextTsMicros.getAndAdd(100);
        String fraction = Long.toString(micros % 1_000_000);
        return micros / 1_000_000 + "." + "0".repeat(6 - fraction.length()) + fraction;
    }

    private String answer(String method, Map<String, String> form, long arrivedNanos) {
        return switch (method) {
            case "reactions.add" -> {
                reactions.incrementAndGet();
                String ts = form.get("timestamp");
                if (recordingReactions && ts != null) {
                    reactionArrivals.putIfAbsent(ts, arrivedNanos);
                }
                yield OK;
            }
            case "chat.postMessage" -> postMessage(form);
            case "chat.update" ->
                "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"" + form.get("ts") + "\"}";
            case "chat.getPermalink" ->
                "{\"ok\":true,\"permalink\":\"https://example.slack.com/archives/" + form.get("channel")
                        + "/p1700000000000100\"}";
            case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V0BENCH\",\"type\":\"modal\"}}";
            case "views.publish" -> {
                String user = form.get("user_id");
                if (user != null) {
                    publishArrivals.putIfAbsent(user, arrivedNanos);
                }
                yield "{\"ok\":true,\"view\":{\"id\":\"V0HOME\",\"type\":\"home\"}}";
            }
            case "auth.test" ->
                "{\"ok\":true,\"url\":\"https://" + TestWorkspace.TEAM_DOMAIN + ".slack.com/\","
                        + "\"team\":\"" + TestWorkspace.TEAM_NAME + "\",\"user\":\"" + TestWorkspace.BOT_USER_NAME
                        + "\",\"team_id\":\"" + TestWorkspace.TEAM_ID + "\",\"user_id\":\"" + TestWorkspace.BOT_USER_ID
                        + "\",\"bot_id\":\"" + TestWorkspace.BOT_ID + "\",\"is_enterprise_install\":false}";
            default -> OK;
        };
    }

    private String postMessage(Map<String, String> form) {
        posts.incrementAndGet();
        String ts = nextTs();
        String channel = form.get("channel");
        if (form.get("thread_ts") == null && channel != null) {
            List<String> threads = threadsByChannel.computeIfAbsent(channel, ignored -> new ArrayList<>());
            synchronized (threads) {
                threads.add(ts);
            }
        }
        return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"message\":{\"type\":\"message\","
                + "\"user\":\"" + TestWorkspace.BOT_USER_ID + "\",\"bot_id\":\"" + TestWorkspace.BOT_ID
                + "\",\"ts\":\"" + ts + "\"}}";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body.isEmpty() || body.startsWith("{")) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, equals), UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), UTF_8));
            }
        }
        return fields;
    }

    /** Reads the whole body, answers with JSON at once. */
    private final class Answering extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long arrived = System.nanoTime();
            calls.incrementAndGet();
            String path = Request.getPathInContext(request);
            String body = Content.Source.asString(request, UTF_8);
            String method = path.startsWith("/api/") ? path.substring("/api/".length()) : path;
            String json = answer(method, form(body), arrived);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            Content.Sink.write(response, true, json, callback);
            return true;
        }
    }
}
