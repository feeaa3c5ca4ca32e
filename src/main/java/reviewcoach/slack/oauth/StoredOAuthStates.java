package reviewcoach.slack.oauth;

import com.slack.api.bolt.service.OAuthStateService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import reviewcoach.service.OAuthStates;

/**
 * Bolt's OAuth state store, kept in our {@link OAuthStates} so that any instance can finish an install another began.
 * A state is 256 random bits, good for one return within ten minutes. Bolt checks a state ({@link
 * #isAvailableInDatabase}) before it exchanges the code and deletes it ({@link #deleteStateFromDatastore}) only after
 * the exchange succeeded; checking and deleting apart would let two returns with the same state both pass, so the
 * check itself uses the state up, atomically, and the later delete finds nothing left to do. Each state carries an
 * HMAC made with {@code SLACK_STATE_SECRET}, so that a made-up state is refused without touching the database.
 * Thread-safe.
 */
public final class StoredOAuthStates implements OAuthStateService {

    /** How long a state is good for, in the database and in the browser's cookie alike. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private static final int STATE_BYTES = 32;

    private static final String HMAC = "HmacSHA256";

    private final OAuthStates states;
    private final Clock clock;
    private final SecretKeySpec signingKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param stateSecret signs every state handed out ({@code SLACK_STATE_SECRET})
     */
    public StoredOAuthStates(OAuthStates states, Clock clock, String stateSecret) {
        this.states = Objects.requireNonNull(states, "states");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signingKey = new SecretKeySpec(stateSecret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /**
     * 256 bits from {@link SecureRandom} and their HMAC, URL-safe and without padding, so that it reads back whole from
     * a cookie.
     */
    @Override
    public String generateNewStateValue() {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return nonce + "." + signature(nonce);
    }

    private String signature(String nonce) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(signingKey);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has " + HMAC, impossible);
        }
    }

    /** Whether the state is one this app signed; compared in constant time. */
    private boolean isSigned(String state) {
        if (state == null) {
            return false;
        }
        int dot = state.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        byte[] expected = signature(state.substring(0, dot)).getBytes(StandardCharsets.UTF_8);
        byte[] given = state.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    @Override
    public long getExpirationInSeconds() {
        return TIME_TO_LIVE.toSeconds();
    }

    @Override
    public void addNewStateToDatastore(String state) {
        states.issue(state, clock.instant().plus(TIME_TO_LIVE));
    }

    /**
     * Uses the state up: true once for a state that was issued and has not expired, false for every later call (unlike
     * what Bolt's interface describes, this check has an effect; Bolt calls it once per return from Slack).
     */
    @Override
    public boolean isAvailableInDatabase(String state) {
        return isSigned(state) && states.consume(state, clock.instant());
    }

    /** Uses the state up, if {@link #isAvailableInDatabase} has not already. */
    @Override
    public void deleteStateFromDatastore(String state) {
        if (isSigned(state)) {
            states.consume(state, clock.instant());
        }
    }
}
