package reviewcoach.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import java.net.URLDecoder;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reviewcoach.testing.TestWorkspace;

/** The benchmark's requests are what Slack would send: validly signed, fresh, well-formed and never repeated. */
class SlackTrafficTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = 4321;

    private final SlackTraffic traffic = new SlackTraffic(TestWorkspace.SIGNING_SECRET, "http://127.0.0.1:1/response");
    private final SlackSignature.Verifier verifier =
            new SlackSignature.Verifier(new SlackSignature.Generator(TestWorkspace.SIGNING_SECRET));

    @Test
    void everyRequestCarriesAValidFreshSignature() {
        for (RequestSource source : List.of(
                traffic.channelMessages(PORT),
                traffic.foreignThreadReplies(PORT),
                traffic.contributions(
                        PORT, List.of(new SlackTraffic.ThreadRef(SlackTraffic.SESSIONS_CHANNEL, "1700000000.000100"))),
                traffic.reviewCommands(PORT, SlackTraffic.CHANNEL))) {
            Parsed request = Parsed.of(source.next());
            String timestamp = request.headers.get("x-slack-request-timestamp");
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 5);
            assertTrue(
                    verifier.isValid(timestamp, request.body, request.headers.get("x-slack-signature")), request.body);
            assertEquals(String.valueOf(request.body.getBytes(UTF_8).length), request.headers.get("content-length"));
        }
    }

    @Test
    void eventsAreSlackShapedAndNeverRepeatAnIdOrTs() throws Exception {
        RequestSource contributions = traffic.contributions(
                PORT,
                List.of(
                        new SlackTraffic.ThreadRef(SlackTraffic.SESSIONS_CHANNEL, "1700000000.000100"),
                        new SlackTraffic.ThreadRef(SlackTraffic.SESSIONS_CHANNEL, "1700000000.000200")));
        Set<String> eventIds = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            RequestSource.Request request = contributions.next();
            JsonNode body = JSON.readTree(Parsed.of(request).body);
            JsonNode event = body.get("event");
            assertEquals("event_callback", body.get("type").asText());
            assertEquals("message", event.get("type").asText());
            assertEquals(SlackTraffic.SESSIONS_CHANNEL, event.get("channel").asText());
            assertTrue(event.get("thread_ts").asText().startsWith("1700000000.000"));
            assertEquals(request.key(), event.get("ts").asText());
            assertTrue(SlackTraffic.ACCEPTED_LINES.contains(event.get("text").asText()));
            assertTrue(eventIds.add(body.get("event_id").asText()), "event ids repeat");
            assertTrue(messageIds.add(event.get("ts").asText()), "message ts repeat");
        }
        JsonNode channelMessage = JSON.readTree(
                        Parsed.of(traffic.channelMessages(PORT).next()).body)
                .get("event");
        assertTrue(channelMessage.path("thread_ts").isMissingNode(), "top-level messages have no thread");
    }

    @Test
    void reviewCommandsAreFormEncodedSlashCommands() {
        Parsed command = Parsed.of(traffic.reviewCommands(PORT, "C0OTHER").next());
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : command.body.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            fields.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], UTF_8));
        }
        assertEquals("application/x-www-form-urlencoded", command.headers.get("content-type"));
        assertEquals("/review", fields.get("command"));
        assertEquals(SlackTraffic.REVIEW_TEXT, fields.get("text"));
        assertEquals("C0OTHER", fields.get("channel_id"));
        assertTrue(fields.get("trigger_id").matches("\\d+\\.\\d+\\.[0-9a-f]{12}"), fields.get("trigger_id"));
    }

    /** A raw HTTP request split into lower-cased headers and body. */
    private record Parsed(Map<String, String> headers, String body) {
        static Parsed of(RequestSource.Request request) {
            String raw = new String(request.bytes(), UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = raw.substring(0, split).split("\r\n");
            assertEquals("POST /slack/events HTTP/1.1", lines[0]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).toLowerCase(),
                        lines[i].substring(colon + 1).strip());
            }
            return new Parsed(headers, raw.substring(split + 4));
        }
    }

    /** Slack's event ids come in no order; numbered ones would flatter the database (see SlackTraffic#eventId). */
    @Test
    void eventIdsAreDistinctAndNotInTheOrderSent() {
        List<String> ids = new java.util.ArrayList<>();
        for (long n = 0; n < 10_000; n++) {
            ids.add(SlackTraffic.eventId(n));
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "distinct");
        long inOrder = 0;
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i - 1).compareTo(ids.get(i)) < 0) {
                inOrder++;
            }
        }
        assertTrue(inOrder > 2_000 && inOrder < 8_000, "neighbours in either order, not all in order: " + inOrder);
        assertTrue(ids.stream().allMatch(id -> id.matches("Ev[0-9A-Z]{1,10}")), "shaped like Slack's");
    }
}
