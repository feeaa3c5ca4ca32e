package reviewcoach.slack.socket;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.response.Response;

/**
 * Socket Mode acknowledgements, {@code {"envelope_id":…,"payload":…}}: what an HTTP response body would have said goes
 * in the payload.
 *
 * @see <a href="https://docs.slack.dev/apis/events-api/using-socket-mode#acknowledge">Acknowledging envelopes</a>
 */
final class Acks {

    private Acks() {}

    static String empty(String envelopeId) {
        JsonObject ack = new JsonObject();
        ack.addProperty("envelope_id", envelopeId);
        return ack.toString();
    }

    /** The app's answer: a JSON body as the payload, plain text as {@code {"text":…}}; errors carry no payload. */
    static String of(String envelopeId, Response answer) {
        JsonObject ack = new JsonObject();
        ack.addProperty("envelope_id", envelopeId);
        String body = answer.getBody();
        if (answer.getStatusCode() == 200 && body != null && !body.isEmpty()) {
            ack.add("payload", payload(answer.getContentType(), body));
        }
        return ack.toString();
    }

    /** A message only the command's sender sees. */
    static String ephemeral(String envelopeId, String text) {
        JsonObject payload = new JsonObject();
        payload.addProperty("response_type", "ephemeral");
        payload.addProperty("text", text);
        JsonObject ack = new JsonObject();
        ack.addProperty("envelope_id", envelopeId);
        ack.add("payload", payload);
        return ack.toString();
    }

    private static JsonElement payload(String contentType, String body) {
        if (contentType != null && contentType.startsWith("application/json")) {
            try {
                return JsonParser.parseString(body);
            } catch (RuntimeException notJson) {
                // sent as text below
            }
        }
        JsonObject text = new JsonObject();
        text.addProperty("text", body);
        return text;
    }
}
