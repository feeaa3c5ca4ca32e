package reviewcoach.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The load generator finds where each answer ends, however Jetty frames it and however it arrives in pieces. */
class HttpResponsesTest {

    @Test
    void fixedLengthAnswersEndAfterTheirBody() {
        String answer = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";

        assertEquals(answer.length(), HttpResponses.completeLength(received(answer)));
        assertEquals(-1, HttpResponses.completeLength(received(answer.substring(0, answer.length() - 1))));
        assertEquals(200, HttpResponses.status(received(answer)));
    }

    @Test
    void chunkedAnswersEndAfterTheLastChunk() {
        String answer =
                "HTTP/1.1 401 Unauthorized\r\ntransfer-encoding: chunked\r\n\r\n4\r\nabcd\r\n2\r\nef\r\n0\r\n\r\n";

        assertEquals(answer.length(), HttpResponses.completeLength(received(answer)));
        assertEquals(-1, HttpResponses.completeLength(received(answer.substring(0, answer.length() - 2))));
        assertEquals(401, HttpResponses.status(received(answer)));
    }

    @Test
    void answersWithoutBodyAndClosingOnesAreRecognised() {
        String empty = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        String closing = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}";

        assertEquals(empty.length(), HttpResponses.completeLength(received(empty + "HTTP/1.1")));
        assertFalse(HttpResponses.closes(received(empty), empty.length()));
        assertTrue(HttpResponses.closes(received(closing), closing.length()));
        assertEquals(-1, HttpResponses.completeLength(received("HTTP/1.1 200 OK\r\nContent-Le")));
    }

    private static ByteBuffer received(String bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        buffer.put(bytes.getBytes(US_ASCII));
        return buffer;
    }
}
