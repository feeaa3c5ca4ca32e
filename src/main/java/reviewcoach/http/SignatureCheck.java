package reviewcoach.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's signature over the exact bytes received, and that the request was signed no more than five minutes
 * before or after now. Bolt's own check reads the body through the platform charset and accepts any timestamp in the
 * future, so a request signed "next year" could be replayed until then; this one does neither. Thread-safe.
 *
 * @see <a href="https://docs.slack.dev/authentication/verifying-requests-from-slack">Verifying requests from Slack</a>
 */
final class SignatureCheck {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("v0=[0-9a-f]{64}");

    private final SecretKeySpec key;
    private final Clock clock;

    SignatureCheck(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(UTF_8), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param timestamp the {@code X-Slack-Request-Timestamp} header, or null
     * @param signature the {@code X-Slack-Signature} header, or null
     * @param body the body exactly as received
     */
    boolean isSignedBySlack(String timestamp, String signature, byte[] body) {
        if (timestamp == null
                || signature == null
                || !TIMESTAMP.matcher(timestamp).matches()) {
            return false;
        }
        long skewSeconds = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skewSeconds > WINDOW.toSeconds() || !SIGNATURE.matcher(signature).matches()) {
            return false;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp, body))).getBytes(UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(UTF_8));
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", impossible);
        }
    }
}
