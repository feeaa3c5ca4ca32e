package reviewcoach.service;

import java.time.Duration;
import java.util.Objects;

/** A call to Slack failed; says whether and when trying again can help, and Slack's error code, never content. */
public final class DeliveryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How a failure should be treated. */
    public enum Kind {
        /** Slack asked us to slow down: try again after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** A server error, time-out or broken connection: try again with backoff. */
        TRANSIENT,
        /** Slack said no for a reason that will not change by itself (e.g. {@code not_in_channel}). */
        PERMANENT
    }

    private final Kind kind;
    private final String error;
    private final transient Duration retryAfter;

    private DeliveryFailure(Kind kind, String error, Duration retryAfter, Throwable cause) {
        super(kind + ": " + error, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.error = Objects.requireNonNull(error, "error");
        this.retryAfter = retryAfter;
    }

    public static DeliveryFailure rateLimited(Duration retryAfter) {
        return new DeliveryFailure(Kind.RATE_LIMITED, "ratelimited", retryAfter, null);
    }

    public static DeliveryFailure transientFailure(String error, Throwable cause) {
        return new DeliveryFailure(Kind.TRANSIENT, error, null, cause);
    }

    public static DeliveryFailure permanent(String error) {
        return new DeliveryFailure(Kind.PERMANENT, error, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Slack's error code (such as {@code not_in_channel}) or a short description of the failure. */
    public String error() {
        return error;
    }

    public Duration retryAfter() {
        return retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** True when the bot cannot reach the channel at all, so nothing for that channel can succeed. */
    public boolean isChannelUnreachable() {
        return kind == Kind.PERMANENT
                && (error.equals("not_in_channel")
                        || error.equals("channel_not_found")
                        || error.equals("is_archived")
                        || error.equals("restricted_action"));
    }
}
