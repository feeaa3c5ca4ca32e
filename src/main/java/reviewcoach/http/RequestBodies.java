package reviewcoach.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads request bodies with a limit, and reads away the bodies of refused requests: a server that answers and closes
 * while the client is still sending makes the client's system drop the answer with the connection, so the sender sees
 * a reset instead of the 4xx it was given.
 */
final class RequestBodies {

    /** The most a refused request's body is read before answering; beyond it the connection is closed. */
    static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    private RequestBodies() {}

    /** The whole body, or empty when it is longer than {@code limit} bytes, in which case it is discarded. */
    static Optional<byte[]> read(HttpServletRequest request, HttpServletResponse response, int limit)
            throws IOException {
        if (request.getContentLengthLong() > limit) {
            discard(request, response);
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            discard(request, response);
            return Optional.empty();
        }
        return Optional.of(body);
    }

    /** Reads and drops the rest of the body, up to {@link #DISCARD_LIMIT}; past it, asks to close the connection. */
    static void discard(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > DISCARD_LIMIT) {
            response.setHeader("Connection", "close");
            return;
        }
        InputStream body = request.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int count = body.read(buffer); count >= 0; count = body.read(buffer)) {
            read += count;
            if (read > DISCARD_LIMIT) {
                response.setHeader("Connection", "close");
                return;
            }
        }
    }
}
