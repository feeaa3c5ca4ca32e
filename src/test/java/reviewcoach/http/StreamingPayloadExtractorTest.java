package reviewcoach.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.bolt.AppConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingPayloadExtractorTest {

    private static final String EVENT =
            "{\"token\":\"x\",\"team_id\":\"T1\",\"type\":\"event_callback\",\"event_id\":\"Ev1\","
                    + "\"event\":{\"type\":\"message\",\"user\":\"U1\",\"text\":\"hi\",\"ts\":\"1.2\",\"thread_ts\":\"1.1\"}}";

    /** Whatever the body, the answer (or the failure) is the one Bolt's own extractor gives. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                EVENT,
                "  \n" + EVENT + "\n ",
                "{\"type\":\"url_verification\",\"challenge\":\"abc\",\"token\":\"x\"}",
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"}}",
                "{\"event\":{\"type\":\"message\"}}",
                "{}",
                "{\"type\":\"event_callback\",\"type\":\"block_actions\"}",
                "{\"type\":\"block_actions\",\"type\":\"event_callback\"}",
                "{\"type\":7}",
                "{\"type\":null}",
                "{\"type\":{\"event_callback\":1}}",
                "{type:'event_callback'}",
                "{\"type\":\"event_callback\"} trailing",
                "{\"type\":\"event_callback\"",
                "[]",
                "payload=%7B%22type%22%3A%22block_actions%22%7D",
                "token=x&team_id=T1&command=%2Freview&text=hi",
                "ssl_check=1&token=x",
                "",
                "   "
            })
    void answersAsBoltsOwnExtractor(String body) {
        assertEquals(
                outcome(new JsonPayloadExtractor(), body),
                outcome(new StreamingPayloadExtractor(new JsonPayloadExtractor()), body),
                body);
    }

    @Test
    void answersAsBoltsOwnExtractorForNoBody() {
        assertEquals(
                outcome(new JsonPayloadExtractor(), null),
                outcome(new StreamingPayloadExtractor(new JsonPayloadExtractor()), null));
    }

    /** What an extractor returns, or the kind of exception it throws (Bolt's throws for a {@code type} not text). */
    private static String outcome(JsonPayloadExtractor extractor, String body) {
        try {
            return "returned " + extractor.extractIfExists(body);
        } catch (RuntimeException failure) {
            return "threw " + failure.getClass().getName();
        }
    }

    /** An event, the commonest body by far, is read by the streaming parser alone; a form's goes to Bolt's extractor. */
    @Test
    void leavesToBoltOnlyWhatItCannotReadItself() {
        List<String> askedOfBolt = new ArrayList<>();
        JsonPayloadExtractor bolts = new JsonPayloadExtractor() {
            @Override
            public String extractIfExists(String requestBody) {
                askedOfBolt.add(requestBody);
                return super.extractIfExists(requestBody);
            }
        };
        StreamingPayloadExtractor extractor = new StreamingPayloadExtractor(bolts);

        assertEquals(EVENT, extractor.extractIfExists(EVENT));
        assertEquals(null, extractor.extractIfExists("{\"type\":\"block_actions\"}"));
        assertEquals(List.of(), askedOfBolt);
        String form = "payload=%7B%22type%22%3A%22block_actions%22%7D";
        assertEquals("{\"type\":\"block_actions\"}", extractor.extractIfExists(form));
        assertEquals(List.of(form), askedOfBolt);
    }

    /** The app's parser of Slack's requests makes its first look at a body with the streaming extractor. */
    @Test
    void theEndpointsParserUsesIt() {
        assertInstanceOf(
                StreamingPayloadExtractor.class,
                SlackEndpoint.requestParser(AppConfig.builder().build()).getJsonPayloadExtractor());
    }

    @Test
    void readsAnEventsTypeWithoutBolt() {
        assertEquals(Optional.of("event_callback"), StreamingPayloadExtractor.typeOfObject(EVENT));
        assertEquals(
                Optional.of("block_actions"), StreamingPayloadExtractor.typeOfObject("{\"type\":\"block_actions\"}"));
        assertEquals(
                Optional.of("block_actions"),
                StreamingPayloadExtractor.typeOfObject("{\"type\":\"event_callback\",\"type\":\"block_actions\"}"),
                "the last, as Gson's tree keeps");
        assertEquals(Optional.empty(), StreamingPayloadExtractor.typeOfObject("{type:'event_callback'}"), "to Bolt");
        assertEquals(Optional.empty(), StreamingPayloadExtractor.typeOfObject("{\"type\":7}"), "to Bolt");
        assertEquals(Optional.empty(), StreamingPayloadExtractor.typeOfObject("{\"type\":\"x\"} {}"), "to Bolt");
    }
}
