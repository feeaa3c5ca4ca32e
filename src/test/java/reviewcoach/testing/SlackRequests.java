package reviewcoach.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds requests shaped like the ones Slack sends to the app and signs them exactly as Slack does; thread-safe.
 *
 * <p>The signature is {@code v0=} plus the hex HMAC-SHA256, keyed by the signing secret, of {@code
 * v0:<timestamp>:<body>}; the timestamp is read from the clock. Use {@link #agedBy(Duration)} for stale requests and
 * {@link SignedRequest}'s {@code with...} methods for unsigned, wrongly signed or retried ones.
 *
 * @see <a href="https://docs.slack.dev/authentication/verifying-requests-from-slack">Verifying requests from Slack</a>
 */
public final class SlackRequests {

    /** Content type of slash commands and interactivity payloads. */
    public static final String FORM = "application/x-www-form-urlencoded";

    /** Content type of Events API requests. */
    public static final String JSON = "application/json";

    private static final String USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";

    private final String signingSecret;
    private final Clock clock;
    private final AtomicInteger eventNumber;
    private final String team;

    /** Signs with {@code signingSecret} at the current time. */
    public SlackRequests(String signingSecret) {
        this(signingSecret, Clock.systemUTC());
    }

    /** Signs with {@code signingSecret} at the clock's time. */
    public SlackRequests(String signingSecret, Clock clock) {
        this(signingSecret, clock, new AtomicInteger());
    }

    private SlackRequests(String signingSecret, Clock clock, AtomicInteger eventNumber) {
        this(signingSecret, clock, eventNumber, TestWorkspace.TEAM_ID);
    }

    private SlackRequests(String signingSecret, Clock clock, AtomicInteger eventNumber, String team) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("A signing secret is required, e.g. TestWorkspace.SIGNING_SECRET");
        }
        this.signingSecret = signingSecret;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.eventNumber = eventNumber;
        this.team = Objects.requireNonNull(team, "team");
    }

    /**
     * The same builder for requests from another workspace: Slack names it in every payload, signed with the app's one
     * signing secret like any other.
     */
    public SlackRequests fromWorkspace(String teamId) {
        return new SlackRequests(signingSecret, clock, eventNumber, teamId);
    }

    /** The same builder signing at another clock's time; event ids keep counting. */
    public SlackRequests withClock(Clock otherClock) {
        return new SlackRequests(signingSecret, otherClock, eventNumber, team);
    }

    /** The same builder signing {@code age} in the past; Slack's limit is 5 minutes, so 6 minutes makes it stale. */
    public SlackRequests agedBy(Duration age) {
        return withClock(Clock.offset(clock, age.negated()));
    }

    /** Signs any body as Slack would, adding the timestamp, signature and Slack's user agent. */
    public SignedRequest sign(String contentType, String body) {
        return new SignedRequest(contentType, body, signedHeaders(body.getBytes(UTF_8)));
    }

    /**
     * The headers Slack sends with exactly these bytes (which need not be UTF-8): its user agent, the timestamp and the
     * signature.
     */
    public Map<String, String> signedHeaders(byte[] body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.put(SignedRequest.TIMESTAMP_HEADER, timestamp);
        headers.put(SignedRequest.SIGNATURE_HEADER, signature(timestamp, body));
        return headers;
    }

    /** The {@code X-Slack-Signature} value for this timestamp and body. */
    public String signature(String timestamp, String body) {
        return signature(timestamp, body.getBytes(UTF_8));
    }

    /** The {@code X-Slack-Signature} value for this timestamp and these exact bytes. */
    public String signature(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A slash command, form-encoded. */
    public SignedRequest slashCommand(SlashCommand command) {
        SlashCommand fromTeam =
                team.equals(TestWorkspace.TEAM_ID) ? command : command.withTeam(team, team.toLowerCase(Locale.ROOT));
        return sign(FORM, fromTeam.toFormBody());
    }

    /** A fresh event id for this builder: {@code Ev0001}, {@code Ev0002}, ... */
    public String nextEventId() {
        return String.format("Ev%04d", eventNumber.incrementAndGet());
    }

    /** An Events API {@code event_callback} wrapping {@code event} (see {@link MessageEvents}), with a fresh id. */
    public SignedRequest event(ObjectNode event) {
        return event(nextEventId(), event);
    }

    /** An Events API {@code event_callback} with a given event id, e.g. to redeliver the same event. */
    public SignedRequest event(String eventId, ObjectNode event) {
        return sign(JSON, eventEnvelope(eventId, event).toString());
    }

    /** The {@code event_callback} envelope Slack wraps around {@code event}, unsigned, for tests to bend. */
    public ObjectNode eventEnvelope(String eventId, ObjectNode event) {
        ObjectNode envelope = SlackJson.object()
                .put("token", TestWorkspace.VERIFICATION_TOKEN)
                .put("team_id", team)
                .put("context_team_id", team)
                .put("api_app_id", TestWorkspace.APP_ID);
        envelope.set("event", event);
        envelope.put("type", "event_callback")
                .put("event_id", eventId)
                .put("event_time", clock.instant().getEpochSecond());
        envelope.putArray("authorizations")
                .addObject()
                .putNull("enterprise_id")
                .put("team_id", team)
                .put("user_id", TestWorkspace.BOT_USER_ID)
                .put("is_bot", true)
                .put("is_enterprise_install", false);
        return envelope.put("is_ext_shared_channel", false).put("event_context", "4-" + eventId);
    }

    /** The {@code url_verification} handshake Slack sends when the Request URL is saved. */
    public SignedRequest urlVerification(String challenge) {
        ObjectNode body = SlackJson.object()
                .put("token", TestWorkspace.VERIFICATION_TOKEN)
                .put("challenge", challenge)
                .put("type", "url_verification");
        return sign(JSON, body.toString());
    }

    /** A {@code block_actions} interaction (a button click). */
    public SignedRequest blockAction(BlockAction action) {
        return interaction(fromTeam(action.toPayload(clock.instant())));
    }

    /** A {@code view_submission} interaction (a modal submitted). */
    public SignedRequest viewSubmission(ViewSubmission submission) {
        return interaction(fromTeam(submission.toPayload()));
    }

    /** An interaction payload as this builder's workspace sends it. */
    private ObjectNode fromTeam(ObjectNode payload) {
        if (!team.equals(TestWorkspace.TEAM_ID)) {
            ((ObjectNode) payload.get("team")).put("id", team);
            ((ObjectNode) payload.get("user")).put("team_id", team);
        }
        return payload;
    }

    /** Any interactivity payload, sent as Slack does: form field {@code payload} holding URL-encoded JSON. */
    public SignedRequest interaction(ObjectNode payload) {
        return sign(FORM, "payload=" + URLEncoder.encode(payload.toString(), UTF_8));
    }
}
