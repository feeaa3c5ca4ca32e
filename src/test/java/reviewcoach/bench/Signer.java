package reviewcoach.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs request bodies as Slack does ({@code v0=} hex HMAC-SHA256 of {@code v0:<timestamp>:<body>}), keeping one
 * initialised {@link Mac}; not thread-safe, so each load thread has its own.
 */
final class Signer {

    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;

    Signer(String signingSecret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    String signature(String timestamp, byte[] body) {
        mac.update(("v0:" + timestamp + ":").getBytes(UTF_8));
        mac.update(body);
        return "v0=" + HEX.formatHex(mac.doFinal());
    }
}
