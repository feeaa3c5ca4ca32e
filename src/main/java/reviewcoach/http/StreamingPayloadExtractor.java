package reviewcoach.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Bolt's first look at a request body (is it an Events API callback, an interaction's {@code payload=}, or neither?),
 * made without what Bolt's own {@link JsonPayloadExtractor} spends on each event: a new Gson, with all of the Slack
 * SDK's type adapters registered, and a tree of the whole body, only to read its top-level {@code type} (4% of the
 * app's CPU in a profile of contributions on PostgreSQL: docs/BENCHMARKS.md, stop 23). A JSON object's {@code type} is
 * read with a streaming parser, and the answer is the one Bolt's extractor gives. Anything else, and any JSON this
 * strict parser cannot read to its end or whose {@code type} is not text, is left to Bolt's extractor. Thread-safe.
 */
final class StreamingPayloadExtractor extends JsonPayloadExtractor {

    private static final JsonFactory JSON = new JsonFactory();

    /** The top-level types whose whole body Bolt's extractor returns (the Events API's). */
    private static final Set<String> EVENTS_API_TYPES = Set.of("url_verification", "event_callback");

    private final JsonPayloadExtractor bolts;

    /** @param bolts Bolt's own extractor, for what the streaming parser leaves to it */
    StreamingPayloadExtractor(JsonPayloadExtractor bolts) {
        this.bolts = bolts;
    }

    @Override
    public String extractIfExists(String requestBody) {
        Optional<String> type = requestBody == null ? Optional.empty() : typeOfObject(requestBody);
        if (type.isEmpty()) {
            return bolts.extractIfExists(requestBody);
        }
        return EVENTS_API_TYPES.contains(type.get()) ? requestBody : null;
    }

    /**
     * The top-level {@code type} of a body that is one JSON object and nothing else (the last, if it is there twice),
     * when it is text; empty for anything else, which Bolt's extractor then reads.
     */
    static Optional<String> typeOfObject(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String type = null;
            boolean typeIsText = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isType = "type".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isType) {
                    typeIsText = value == JsonToken.VALUE_STRING;
                    type = typeIsText ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || !typeIsText) {
                return Optional.empty();
            }
            return Optional.of(type);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
