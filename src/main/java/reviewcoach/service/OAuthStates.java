package reviewcoach.service;

import java.time.Instant;

/**
 * The OAuth {@code state} values handed out at {@code /slack/install}, each good for one return to
 * {@code /slack/oauth_redirect} before it expires. Kept in the database so that any instance can finish an install
 * another began. Thread-safe.
 */
public interface OAuthStates {

    /** Remembers a state just handed out. */
    void issue(String state, Instant expiresAt);

    /**
     * Uses a state up.
     *
     * @return true once, for a state that was issued and has not expired; false ever after, and for any other value
     */
    boolean consume(String state, Instant now);

    /** Forgets states that expired before {@code now}; returns how many. */
    int forgetExpired(Instant now);
}
