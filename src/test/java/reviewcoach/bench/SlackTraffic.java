package reviewcoach.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.HomeEvents;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;

/**
 * The requests Slack would send during the benchmark, each signed with a fresh timestamp and carrying a unique
 * {@code event_id}, message {@code ts} and {@code trigger_id}; thread-safe (the sources it hands out are not).
 *
 * <p>Bodies come from the test helpers ({@link SlackRequests}, {@link MessageEvents}, {@link SlashCommand}) once, with
 * markers where values change; each request then only fills the markers and signs.
 */
final class SlackTraffic {

    /** Where people chat and run {@code /review} during the benchmark. */
    static final String CHANNEL = TestWorkspace.CHANNEL_ID;

    /** Where the benchmark's long-lived open sessions are. */
    static final String SESSIONS_CHANNEL = "C0SESSIONS";

    /** Lines the coach accepts at the first step, so every contribution earns a reaction. */
    static final List<String> ACCEPTED_LINES = List.of(
            "The review was posted on Tuesday at 9:14 in the evening.",
            "The client called about the invoice on 3 May at 10:05.",
            "The review gives the practice one star out of five.",
            "The client waited 25 minutes past the appointment time.");

    static final String REVIEW_TEXT = "The front desk never called me back about my bill. One star.";

    private static final String EVENT_ID = "EvMARKEREVENT";
    private static final String CLIENT_MSG_ID = "MARKER-CLIENT-MSG";
    private static final String TS = "2222222222.000001";
    private static final String THREAD = "3333333333.000001";
    private static final String TEXT = "MARKERTEXT";
    private static final String EVENT_TIME = "1111111111";
    private static final String TRIGGER = "MARKERTRIGGER";
    private static final String HOME_USER = "U0MARKERUSER";
    private static final Clock MARKED_CLOCK =
            Clock.fixed(Instant.ofEpochSecond(Long.parseLong(EVENT_TIME)), ZoneOffset.UTC);

    private final String signingSecret;
    private final String responseUrl;
    private final AtomicLong sequence = new AtomicLong();
    private final long firstTsMicros = System.currentTimeMillis() * 1000;
    private final BodyTemplate channelMessage = messageTemplate(null, null);
    /** A reply in a session's thread, which the app's bot started. */
    private final BodyTemplate sessionReply = messageTemplate(THREAD, TestWorkspace.BOT_USER_ID);
    /** A reply in a thread a person started, as most threads in a busy workspace are. */
    private final BodyTemplate foreignReply = messageTemplate(THREAD, "U0STARTER");

    /**
     * @param responseUrl the {@code response_url} slash commands carry (the fake Slack API's)
     */
    SlackTraffic(String signingSecret, String responseUrl) {
        this.signingSecret = signingSecret;
        this.responseUrl = responseUrl;
    }

    /** Top-level messages in a channel, which the bot must ignore. */
    RequestSource channelMessages(int port) {
        Signer signer = new Signer(signingSecret);
        return () -> {
            long n = sequence.incrementAndGet();
            String ts = ts(n);
            String body = channelMessage.fill(
                    eventId(n), clientMsgId(n), "Lunch is in the kitchen today.", ts, CHANNEL, eventTime());
            return event(port, signer, body, null);
        };
    }

    /** Replies in threads that are not sessions (each in a thread of its own, which a person started). */
    RequestSource foreignThreadReplies(int port) {
        Signer signer = new Signer(signingSecret);
        return () -> {
            long n = sequence.incrementAndGet();
            String body = foreignReply.fill(
                    eventId(n),
                    clientMsgId(n),
                    "Sounds good, see you at 3.",
                    ts(n),
                    ts(n - 1_000_000),
                    CHANNEL,
                    eventTime());
            return event(port, signer, body, null);
        };
    }

    /** A session's thread: the channel it is in and the ts of its first message. */
    record ThreadRef(String channel, String thread) {}

    /** Replies that the coach accepts, spread round-robin over the given session threads; keyed by message ts. */
    RequestSource contributions(int port, List<ThreadRef> sessionThreads) {
        if (sessionThreads.isEmpty()) {
            throw new IllegalArgumentException("contributions need at least one session thread");
        }
        Signer signer = new Signer(signingSecret);
        return () -> {
            long n = sequence.incrementAndGet();
            String ts = ts(n);
            String body = sessionReply.fill(
                    eventId(n),
                    clientMsgId(n),
                    ACCEPTED_LINES.get((int) (n % ACCEPTED_LINES.size())),
                    ts,
                    sessionThreads.get((int) (n % sessionThreads.size())).thread(),
                    sessionThreads.get((int) (n % sessionThreads.size())).channel(),
                    eventTime());
            return event(port, signer, body, ts);
        };
    }

    /** {@code /review <a review>} typed in {@code channel}, each with its own trigger id. */
    RequestSource reviewCommands(int port, String channel) {
        return reviewCommands(port, channel, false);
    }

    /**
     * {@code /review <a review>}, each with its own trigger id; with {@code spread}, each in a channel of its own
     * ({@code channel} followed by a number), as many offices would, so that Slack's pace of about one message a
     * second per channel, which the app keeps, does not throttle the benchmark.
     */
    RequestSource reviewCommands(int port, String channel, boolean spread) {
        Signer signer = new Signer(signingSecret);
        String marker = "C0MARKERCHANNEL";
        BodyTemplate command = BodyTemplate.compile(
                SlashCommand.of("/review", REVIEW_TEXT)
                        .withChannel(marker, "reviews")
                        .withTriggerId(TRIGGER)
                        .withResponseUrl(responseUrl)
                        .toFormBody(),
                TRIGGER,
                marker);
        return () -> {
            long n = sequence.incrementAndGet();
            String trigger = String.format("%d.%d.%012x", firstTsMicros / 1000, n, n * 0x9e3779b1L);
            String body = command.fill(trigger, spread ? channel + n : channel);
            return request(port, signer, SlackRequests.FORM, body, null);
        };
    }

    /** {@code /review list} typed in {@code channel}, each with its own trigger id. */
    RequestSource listCommands(int port, String channel) {
        Signer signer = new Signer(signingSecret);
        BodyTemplate command = BodyTemplate.compile(
                SlashCommand.of("/review", "list")
                        .withChannel(channel, "reviews")
                        .withTriggerId(TRIGGER)
                        .withResponseUrl(responseUrl)
                        .toFormBody(),
                TRIGGER);
        return () -> {
            long n = sequence.incrementAndGet();
            String trigger = String.format("%d.%d.%012x", firstTsMicros / 1000, n, n * 0x9e3779b1L);
            return request(port, signer, SlackRequests.FORM, command.fill(trigger), null);
        };
    }

    /** {@code app_home_opened} by a different person each time, keyed by that person's user id. */
    RequestSource homeOpenings(int port) {
        Signer signer = new Signer(signingSecret);
        String body = new SlackRequests(TestWorkspace.SIGNING_SECRET, MARKED_CLOCK)
                .event(EVENT_ID, HomeEvents.homeOpened(HOME_USER))
                .body();
        BodyTemplate template = BodyTemplate.compile(body, EVENT_ID, HOME_USER, EVENT_TIME);
        return () -> {
            long n = sequence.incrementAndGet();
            String user = "U0H" + Long.toString(n, 36).toUpperCase();
            return event(port, signer, template.fill(eventId(n), user, eventTime()), user);
        };
    }

    private static BodyTemplate messageTemplate(String thread, String threadStarter) {
        ObjectNode event =
                MessageEvents.message(new ChatMessage(CHANNEL, TestWorkspace.USER_ID, TEXT, TS, thread), threadStarter);
        event.put("client_msg_id", CLIENT_MSG_ID);
        String body = new SlackRequests(TestWorkspace.SIGNING_SECRET, MARKED_CLOCK)
                .event(EVENT_ID, event)
                .body()
                .replace("\"" + CHANNEL + "\"", "\"MARKERCHANNEL\"");
        return thread == null
                ? BodyTemplate.compile(body, EVENT_ID, CLIENT_MSG_ID, TEXT, TS, "MARKERCHANNEL", EVENT_TIME)
                : BodyTemplate.compile(body, EVENT_ID, CLIENT_MSG_ID, TEXT, TS, THREAD, "MARKERCHANNEL", EVENT_TIME);
    }

    private static RequestSource.Request event(int port, Signer signer, String body, String key) {
        return request(port, signer, SlackRequests.JSON, body, key);
    }

    private static RequestSource.Request request(int port, Signer signer, String contentType, String body, String key) {
        byte[] bodyBytes = body.getBytes(UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String head = "POST /slack/events HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "User-Agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: gzip,deflate\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "X-Slack-Request-Timestamp: " + timestamp + "\r\n"
                + "X-Slack-Signature: " + signer.signature(timestamp, bodyBytes) + "\r\n"
                + "Content-Length: " + bodyBytes.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(UTF_8);
        byte[] whole = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, whole, headBytes.length, bodyBytes.length);
        return new RequestSource.Request(whole, key);
    }

    /**
     * A distinct id for every request, in no particular order, as Slack's are: the request number times an odd constant
     * modulo 2^48 (a one-to-one map). Numbered ids would sort in the order they were sent, which a database writes more
     * cheaply than it writes Slack's.
     */
    static String eventId(long n) {
        long scrambled = (n * 0x9E3779B97F4BL) & ((1L << 48) - 1);
        return "Ev" + Long.toString(scrambled, 36).toUpperCase(java.util.Locale.ROOT);
    }

    private static String clientMsgId(long n) {
        String hex = Long.toHexString(n);
        return "b0b0b0b0-0000-4000-8000-" + "0".repeat(Math.max(0, 12 - hex.length())) + hex;
    }

    private String ts(long n) {
        long micros = firstTsMicros + n;
        String fraction = Long.toString(micros % 1_000_000);
        return micros / 1_000_000 + "." + "0".repeat(6 - fraction.length()) + fraction;
    }

    private static String eventTime() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }
}
