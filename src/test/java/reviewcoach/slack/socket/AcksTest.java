package reviewcoach.slack.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slack.api.bolt.response.Response;
import org.junit.jupiter.api.Test;

class AcksTest {

    @Test
    void aJsonAnswerBecomesThePayload() {
        Response answer = Response.json(200, "{\"response_action\":\"clear\"}");

        assertEquals("{\"envelope_id\":\"e1\",\"payload\":{\"response_action\":\"clear\"}}", Acks.of("e1", answer));
    }

    @Test
    void aTextAnswerIsSentAsText() {
        Response answer = Response.builder()
                .statusCode(200)
                .contentType("text/plain; charset=utf-8")
                .body("Starting <a session>")
                .build();

        assertEquals("{\"envelope_id\":\"e2\",\"payload\":{\"text\":\"Starting <a session>\"}}", Acks.of("e2", answer));
    }

    @Test
    void anEmptyOrRefusedAnswerIsABareAck() {
        assertEquals("{\"envelope_id\":\"e3\"}", Acks.of("e3", Response.ok()));
        assertEquals("{\"envelope_id\":\"e4\"}", Acks.of("e4", Response.json(400, "{\"error\":\"Bad Request\"}")));
    }

    @Test
    void anApologyIsSeenOnlyByTheCommandsSender() {
        assertEquals(
                "{\"envelope_id\":\"e5\",\"payload\":{\"response_type\":\"ephemeral\",\"text\":\"Sorry\"}}",
                Acks.ephemeral("e5", "Sorry"));
    }
}
