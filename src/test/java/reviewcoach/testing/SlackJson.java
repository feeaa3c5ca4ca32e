package reviewcoach.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Small JSON pieces that recur across Slack payloads (team, user, plain text), built with one shared mapper. */
final class SlackJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode team(String teamId, String domain) {
        return object().put("id", teamId).put("domain", domain);
    }

    static ObjectNode user(String userId, String userName, String teamId) {
        return object().put("id", userId)
                .put("username", userName)
                .put("name", userName)
                .put("team_id", teamId);
    }

    static ObjectNode plainText(String text) {
        return object().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    /** A Slack-style {@code seconds.micros} timestamp for an instant, e.g. {@code 1700000000.123456}. */
    static String ts(Instant instant) {
        return String.format("%d.%06d", instant.getEpochSecond(), instant.getNano() / 1_000);
    }
}
