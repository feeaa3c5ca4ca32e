package reviewcoach.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request body as Slack would send it, with its headers (signature, timestamp, retry markers); immutable.
 *
 * <p>The {@code with...} methods return changed copies without re-signing, which is how tests build tampered, unsigned
 * or retried deliveries. Header names are matched case-insensitively.
 */
public record SignedRequest(String contentType, String body, Map<String, String> headers) {

    /** Header carrying {@code v0=<hex HMAC-SHA256>}. */
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";

    /** Header carrying the signing time in epoch seconds. */
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";

    /** Header Slack adds to the n-th redelivery of an event. */
    public static final String RETRY_NUM_HEADER = "X-Slack-Retry-Num";

    /** Header saying why Slack redelivers, e.g. {@code http_timeout}. */
    public static final String RETRY_REASON_HEADER = "X-Slack-Retry-Reason";

    public SignedRequest {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A header's value, or null if absent. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The {@code X-Slack-Signature} value, or null if absent. */
    public String signature() {
        return header(SIGNATURE_HEADER);
    }

    /** The {@code X-Slack-Request-Timestamp} value, or null if absent. */
    public String timestamp() {
        return header(TIMESTAMP_HEADER);
    }

    /** A copy with this header set (replacing any of the same name). */
    public SignedRequest withHeader(String name, String value) {
        Map<String, String> changed = withoutName(name);
        changed.put(name, value);
        return new SignedRequest(contentType, body, changed);
    }

    /** A copy without this header. */
    public SignedRequest withoutHeader(String name) {
        return new SignedRequest(contentType, body, withoutName(name));
    }

    /** A copy carrying this signature instead, e.g. {@code "v0=" + "0".repeat(64)}. */
    public SignedRequest withSignature(String signature) {
        return withHeader(SIGNATURE_HEADER, signature);
    }

    /** A copy with no signature header. */
    public SignedRequest withoutSignature() {
        return withoutHeader(SIGNATURE_HEADER);
    }

    /** A copy with a different body but the original signature, as a tampered request would have. */
    public SignedRequest withBody(String tamperedBody) {
        return new SignedRequest(contentType, tamperedBody, headers);
    }

    /** A copy marked as Slack's first redelivery after a timeout ({@code X-Slack-Retry-Num: 1}, http_timeout). */
    public SignedRequest asRetry() {
        return asRetry(1, "http_timeout");
    }

    /** A copy marked as Slack's {@code retryNum}-th redelivery for {@code reason}. */
    public SignedRequest asRetry(int retryNum, String reason) {
        return withHeader(RETRY_NUM_HEADER, String.valueOf(retryNum)).withHeader(RETRY_REASON_HEADER, reason);
    }

    private Map<String, String> withoutName(String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        return copy;
    }
}
