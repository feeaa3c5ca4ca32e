package reviewcoach.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One HTTP answer the fake Slack Web API sends back: status, extra headers and a body. */
record Answer(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    Answer {
        headers = Map.copyOf(headers);
    }

    static Answer json(JsonNode body) {
        return new Answer(200, JSON_TYPE, body.toString(), Map.of());
    }

    static Answer json(int status, String body, Map<String, String> headers) {
        return new Answer(status, JSON_TYPE, body, headers);
    }

    static Answer text(int status, String body) {
        return new Answer(status, "text/plain; charset=utf-8", body, Map.of());
    }
}
