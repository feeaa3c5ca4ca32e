package reviewcoach.bench;

import java.nio.ByteBuffer;

/**
 * Finds where one HTTP/1.1 response ends in a buffer (fixed length or chunked), so a keep-alive connection can read
 * the next one. Works on the bytes between {@code 0} and the buffer's position; stateless.
 */
final class HttpResponses {

    private HttpResponses() {}

    /** The length of the first complete response in {@code buffer[0, position)}, or -1 while it is incomplete. */
    static int completeLength(ByteBuffer buffer) {
        int limit = buffer.position();
        int headerEnd = indexOf(buffer, 0, limit, "\r\n\r\n");
        if (headerEnd < 0) {
            return -1;
        }
        int bodyStart = headerEnd + 4;
        long contentLength = -1;
        boolean chunked = false;
        int lineStart = indexOf(buffer, 0, headerEnd, "\r\n") + 2;
        while (lineStart > 1 && lineStart < headerEnd + 2) {
            int lineEnd = indexOf(buffer, lineStart, headerEnd + 2, "\r\n");
            if (startsWithIgnoreCase(buffer, lineStart, lineEnd, "content-length:")) {
                contentLength = parseDecimal(buffer, lineStart + "content-length:".length(), lineEnd);
            } else if (startsWithIgnoreCase(buffer, lineStart, lineEnd, "transfer-encoding:")) {
                chunked = containsIgnoreCase(buffer, lineStart, lineEnd, "chunked");
            }
            lineStart = lineEnd + 2;
        }
        if (chunked) {
            return chunkedEnd(buffer, bodyStart, limit);
        }
        long end = bodyStart + Math.max(0, contentLength);
        return end <= limit ? (int) end : -1;
    }

    /** The status code of the response at the start of the buffer. */
    static int status(ByteBuffer buffer) {
        int code = 0;
        for (int i = 9; i < 12; i++) {
            code = code * 10 + (buffer.get(i) - '0');
        }
        return code;
    }

    /** True if the response at the start of the buffer says the server closes the connection after it. */
    static boolean closes(ByteBuffer buffer, int length) {
        int headerEnd = indexOf(buffer, 0, length, "\r\n\r\n");
        return containsIgnoreCase(buffer, 0, headerEnd, "connection: close");
    }

    private static int chunkedEnd(ByteBuffer buffer, int from, int limit) {
        int at = from;
        while (true) {
            int lineEnd = indexOf(buffer, at, limit, "\r\n");
            if (lineEnd < 0) {
                return -1;
            }
            long size = parseHex(buffer, at, lineEnd);
            if (size == 0) {
                int trailerEnd = indexOf(buffer, lineEnd, limit, "\r\n\r\n");
                return trailerEnd < 0 ? -1 : trailerEnd + 4;
            }
            long next = lineEnd + 2 + size + 2;
            if (next > limit) {
                return -1;
            }
            at = (int) next;
        }
    }

    private static int indexOf(ByteBuffer buffer, int from, int limit, String needle) {
        outer:
        for (int i = from; i <= limit - needle.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (buffer.get(i + j) != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(ByteBuffer buffer, int from, int limit, String prefix) {
        if (limit - from < prefix.length()) {
            return false;
        }
        for (int j = 0; j < prefix.length(); j++) {
            if (Character.toLowerCase((char) buffer.get(from + j)) != prefix.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(ByteBuffer buffer, int from, int limit, String needle) {
        for (int i = from; i <= limit - needle.length(); i++) {
            if (startsWithIgnoreCase(buffer, i, limit, needle)) {
                return true;
            }
        }
        return false;
    }

    private static long parseDecimal(ByteBuffer buffer, int from, int limit) {
        long value = 0;
        for (int i = from; i < limit; i++) {
            byte b = buffer.get(i);
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
            }
        }
        return value;
    }

    private static long parseHex(ByteBuffer buffer, int from, int limit) {
        long value = 0;
        for (int i = from; i < limit; i++) {
            int digit = Character.digit((char) buffer.get(i), 16);
            if (digit < 0) {
                break;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
