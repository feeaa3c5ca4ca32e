package reviewcoach.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request a stranger, a broken proxy or a confused sender could make: any method, path, content type, bytes and
 * headers; immutable apart from the body array, which nobody changes.
 *
 * @param name what kind of trouble it is, for failure messages
 * @param contentType the {@code Content-Type} header, or null for none
 */
public record HostileRequest(
        String name, String method, String path, String contentType, byte[] body, Map<String, String> headers) {

    private static final int PREVIEW_LENGTH = 160;

    public HostileRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Sends it with a client and returns the answer. */
    public AppClient.Reply sendWith(AppClient client) {
        return client.exchange(method, path, contentType, body, headers);
    }

    @Override
    public String toString() {
        String text = new String(body, 0, Math.min(body.length, PREVIEW_LENGTH), UTF_8);
        return name + ": " + method + " " + path + " [" + contentType + "] " + body.length + " bytes: " + text;
    }
}
