package reviewcoach.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Bodies shaped almost, but not quite, like what Slack sends: each method draws one from a seeded {@link Random}, so a
 * failing run can be repeated exactly. Not thread-safe.
 */
final class HostileBodies {

    /** A body and the content type it claims. */
    record Body(String name, String contentType, byte[] bytes) {
        static Body json(String name, String json) {
            return new Body(name, SlackRequests.JSON, json.getBytes(UTF_8));
        }

        static Body form(String name, String form) {
            return new Body(name, SlackRequests.FORM, form.getBytes(UTF_8));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> MALFORMED_JSON = List.of(
            "{",
            "}",
            "[",
            "{not json",
            "{\"type\":",
            "{\"type\":\"event_callback\"",
            "null",
            "true",
            "42",
            "\"text\"",
            "[]",
            "[{}]",
            "{}",
            "{\"type\":\"event_callback\"}{",
            "{'type':'event_callback'}",
            "{\"a\":1,}",
            "\u0000",
            "   ",
            "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}",
            "{\"\\ud800\":\"\\udc00\"}");
    private static final List<String> PAYLOAD_TYPES = List.of(
            "",
            "unknown",
            "EVENT_CALLBACK",
            "block_actions ",
            "shortcut",
            "message_action",
            "view_closed",
            "block_suggestion",
            "dialog_submission",
            "interactive_message",
            "workflow_step_edit",
            "app_rate_limited");
    private static final List<String> BUTTON_VALUES = List.of(
            "999999:CIRCUMSTANCE",
            "x:y",
            "-1:NEXT",
            "",
            ":",
            "1:",
            ":CIRCUMSTANCE",
            "1:circumstance",
            "99999999999999999999:CIRCUMSTANCE",
            "1:CIRCUMSTANCE:extra",
            "0:THOUGHT",
            "1",
            "NaN:FEELING",
            "1:RESULT\u0000",
            "１:CIRCUMSTANCE",
            "9223372036854775807:ACTION");
    private static final List<String> ACTION_IDS = List.of(
            "step_next",
            "step_back",
            "step_finish",
            "action_item_done",
            "action_item_reassign",
            "",
            "step_next ",
            "STEP_NEXT",
            "other");
    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/json; charset=utf-16",
            "application/x-www-form-urlencoded; charset=latin1",
            "application/octet-stream",
            "%%%",
            "*/*");

    private final Random random;
    private final SlackRequests shapes;
    private final String thread;
    private final String responseUrl;

    /**
     * @param shapes builds the well-formed envelopes these bodies start from
     * @param thread a real session's thread, so some bodies reach the store
     * @param responseUrl a response URL on the fake, so nothing the app answers leaves the machine
     */
    HostileBodies(Random random, SlackRequests shapes, String thread, String responseUrl) {
        this.random = random;
        this.shapes = shapes;
        this.thread = thread;
        this.responseUrl = responseUrl;
    }

    Body malformedJson() {
        return Body.json("malformed JSON", pick(MALFORMED_JSON));
    }

    Body truncated() {
        Body whole = pick(List.of(Body.json("event", event().toString()), command(), interaction(wellFormedButton())));
        int cut = 1 + random.nextInt(whole.bytes().length - 1);
        return new Body("truncated " + whole.name(), whole.contentType(), java.util.Arrays.copyOf(whole.bytes(), cut));
    }

    Body wrongContentType() {
        Body body = pick(List.of(
                Body.json("event", event().toString()),
                command(),
                interaction(ViewSubmission.of("review_modal").toPayload())));
        String type = pick(WRONG_CONTENT_TYPES);
        return new Body("content type " + type + " on " + body.name(), type, body.bytes());
    }

    Body notUtf8() {
        byte[][] invalid = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE9},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
        };
        String json = event().toString();
        int at = json.indexOf("\"text\":\"") + 8;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(json.substring(0, at).getBytes(UTF_8));
        bytes.writeBytes(invalid[random.nextInt(invalid.length)]);
        bytes.writeBytes(json.substring(at).getBytes(UTF_8));
        return new Body("not UTF-8", SlackRequests.JSON, bytes.toByteArray());
    }

    Body unknownType() {
        if (random.nextBoolean()) {
            ObjectNode event = event();
            event.withObjectProperty("event")
                    .put("type", pick(List.of("foo_bar", "", "app_mention", "reaction_added")));
            return Body.json("unknown event type", event.toString());
        }
        ObjectNode payload = NODES.objectNode();
        JsonNode type = pick(List.<JsonNode>of(
                NODES.textNode(pick(PAYLOAD_TYPES)),
                NODES.numberNode(7),
                NODES.objectNode(),
                NODES.arrayNode(),
                NODES.nullNode()));
        payload.set("type", type);
        return random.nextBoolean()
                ? Body.json("unknown payload type " + type, payload.toString())
                : interaction(payload);
    }

    Body eventMissingFields() {
        ObjectNode envelope = event();
        ObjectNode event = envelope.withObjectProperty("event");
        List<String> fields = List.of("user", "channel", "ts", "text", "thread_ts", "type", "event_ts");
        for (String field : fields) {
            if (random.nextInt(3) == 0) {
                event.remove(field);
            }
        }
        if (random.nextInt(4) == 0) {
            envelope.remove(pick(List.of("event", "event_id", "authorizations", "team_id", "type")));
        }
        return Body.json("event with missing fields", envelope.toString());
    }

    Body eventWrongTypes() {
        ObjectNode envelope = event();
        boolean inner = random.nextBoolean();
        ObjectNode target = inner ? envelope.withObjectProperty("event") : envelope;
        List<String> fields = inner
                ? List.of("user", "channel", "ts", "text", "thread_ts", "subtype", "bot_id", "message", "type")
                : List.of("event", "event_id", "authorizations", "team_id", "event_time", "type");
        String field = pick(fields);
        target.set(field, wrongValue());
        return Body.json("event field " + field + " of the wrong type", envelope.toString());
    }

    /** Reaches a real session: the store sees what the listener lets through. */
    Body eventInSessionThread() {
        ObjectNode envelope = event();
        ObjectNode event = envelope.withObjectProperty("event").put("thread_ts", thread);
        switch (random.nextInt(8)) {
            case 0 -> envelope.put("event_id", "Ev" + "9".repeat(200 + random.nextInt(200)));
            case 1 -> event.put("user", "U" + "X".repeat(100 + random.nextInt(100)));
            case 2 -> event.put("ts", "1700000000." + "1".repeat(60));
            case 3 -> event.put("text", "A review was posted on Monday. ".repeat(1500 + random.nextInt(500)));
            case 4 -> event.put("text", "");
            case 5 -> event.put("text", randomText(40));
            case 6 -> event.put("subtype", "message_changed").remove("user");
            default -> event.put("subtype", "message_deleted").put("deleted_ts", thread);
        }
        return Body.json("event in a session's thread", envelope.toString());
    }

    Body blockAction() {
        ObjectNode payload = BlockAction.button(pick(ACTION_IDS), pick(BUTTON_VALUES))
                .withResponseUrl(responseUrl)
                .toPayload(Instant.now());
        switch (random.nextInt(7)) {
            case 0 -> payload.remove("actions");
            case 1 -> payload.putArray("actions");
            case 2 -> payload.putArray("actions").addObject();
            case 3 -> payload.set("actions", wrongValue());
            case 4 -> payload.remove(pick(List.of("user", "response_url", "container", "channel", "team")));
            case 5 ->
                ((ArrayNode) payload.get("actions")).add(payload.get("actions").get(0));
            default -> {}
        }
        return interaction(payload);
    }

    Body viewSubmission() {
        ObjectNode payload = ViewSubmission.of(pick(List.of("review_modal", "other_modal", "")))
                .withPrivateMetadata(pick(List.of("", "{}", "not json", "{\"channel\":{}}", nested(300), "[1]")))
                .withTextInput("review_text", "value", pick(List.of("Rude.", "  ", "x".repeat(5000))))
                .withSelectedOption("review_rating", "value", pick(List.of("1", "0", "9", "x", "")), "stars")
                .toPayload();
        ObjectNode view = payload.withObjectProperty("view");
        switch (random.nextInt(7)) {
            case 0 -> payload.remove("view");
            case 1 -> view.remove("state");
            case 2 -> view.set("state", wrongValue());
            case 3 -> view.withObjectProperty("state").set("values", wrongValue());
            case 4 -> payload.remove(pick(List.of("user", "team")));
            case 5 -> view.remove("type");
            default -> {}
        }
        return interaction(payload);
    }

    Body command() {
        SlashCommand command = SlashCommand.of(
                        pick(List.of("/review", "/other", "")),
                        pick(List.of("Rude staff.", "", "help", randomText(30), "x".repeat(120_000))))
                .withResponseUrl(pick(List.of(responseUrl, "", "not a url", "http://" + "x".repeat(3000))))
                .withChannel(pick(List.of(TestWorkspace.CHANNEL_ID, "D0DIRECT", "", "C" + "9".repeat(100))), "x")
                .withUser(pick(List.of(TestWorkspace.USER_ID, "", "U" + "9".repeat(100))), "x");
        String form = command.toFormBody();
        if (random.nextBoolean()) {
            form = form.replaceFirst(
                    pick(List.of("channel_id", "user_id", "team_id", "text", "command")) + "=[^&]*&?", "");
        }
        return Body.form("slash command", form);
    }

    Body payloadNotJson() {
        return Body.form(
                "payload= that is not JSON",
                "payload="
                        + pick(List.of(
                                "hello",
                                "",
                                "%7B",
                                "%ZZ",
                                "%5B1%5D",
                                "null",
                                "%22str%22",
                                "%7B%22type%22%3A%22block_actions%22%7D",
                                "%7B%22type%22%3A%22view_submission%22%7D",
                                "%7B%22type%22%3A%22event_callback%22%7D")));
    }

    Body oddForm() {
        return Body.form(
                "odd form",
                pick(List.of(
                        "&&&",
                        "=",
                        "=x",
                        "a=b=c",
                        "command",
                        "command=",
                        "command=%2Freview&command=%2Freview&text=&text=x",
                        "payload=x&payload=%7B%7D",
                        "ssl_check=1&token=x",
                        "%",
                        "command=%2Freview&" + "k=v&".repeat(20_000),
                        "command=%2Freview&text=%00%00&channel_id=&user_id=&team_id=")));
    }

    Body deeplyNested() {
        int depth = pick(List.of(300, 5_000, 100_000));
        String nested = nested(depth);
        return pick(List.of(
                Body.json("nested " + depth + " deep", "{\"type\":\"event_callback\",\"event\":" + nested + "}"),
                Body.json("nested " + depth + " deep", nested),
                Body.form("nested " + depth + " deep", "payload=" + URLEncoder.encode(nested, UTF_8))));
    }

    Body huge(int megabytes) {
        ObjectNode envelope = event();
        envelope.withObjectProperty("event").put("text", "A".repeat(megabytes * 1024 * 1024));
        return Body.json("huge (" + megabytes + " MB)", envelope.toString());
    }

    Body urlVerification() {
        ObjectNode body = NODES.objectNode().put("type", "url_verification");
        body.set("challenge", random.nextBoolean() ? NODES.textNode(randomText(20)) : wrongValue());
        return Body.json("url_verification", body.toString());
    }

    private ObjectNode event() {
        ChatMessage message = ChatMessage.reply(random.nextBoolean() ? thread : "1600000000.000100", randomText(20))
                .withUser("U0HOSTILE");
        return shapes.eventEnvelope(shapes.nextEventId() + "h", MessageEvents.message(message));
    }

    private ObjectNode wellFormedButton() {
        return BlockAction.button("step_next", "1:CIRCUMSTANCE")
                .withResponseUrl(responseUrl)
                .toPayload(Instant.now());
    }

    private Body interaction(ObjectNode payload) {
        return Body.form(
                "interaction " + payload.path("type").asText(),
                "payload=" + URLEncoder.encode(payload.toString(), UTF_8));
    }

    private JsonNode wrongValue() {
        return pick(List.<JsonNode>of(
                NODES.numberNode(random.nextInt()),
                NODES.booleanNode(random.nextBoolean()),
                NODES.objectNode().put("x", 1),
                NODES.arrayNode().add(1).add("two"),
                NODES.nullNode(),
                NODES.textNode(""),
                NODES.numberNode(1e308)));
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** Letters, digits, punctuation, control characters, mentions and astral characters. */
    private String randomText(int length) {
        String[] pieces = {
            "a",
            "Z",
            "7",
            " ",
            "\"",
            "\\",
            "<!channel>",
            "@here",
            "\u0000",
            "\t",
            "\n",
            "é",
            "\uD83D\uDE00",
            "&amp;",
            "%",
            "+",
            "{",
            "]",
            "\u202E",
            "\uFEFF"
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
