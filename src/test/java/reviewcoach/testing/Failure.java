package reviewcoach.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * A way the {@link FakeSlackApi} can misbehave for one call, as the real Slack Web API sometimes does.
 *
 * @see <a href="https://docs.slack.dev/apis/web-api/rate-limits">Slack rate limits</a>
 */
public sealed interface Failure
        permits Failure.RateLimited, Failure.ServerError, Failure.SlackError, Failure.Slow, Failure.DroppedConnection {

    /** HTTP 429 with a {@code Retry-After} header and {@code {"ok":false,"error":"ratelimited"}}. */
    static Failure rateLimited(int retryAfterSeconds) {
        return new RateLimited(retryAfterSeconds);
    }

    /** An HTTP 5xx (or any non-200 status) with a small plain-text body. */
    static Failure serverError(int status) {
        return new ServerError(status);
    }

    /** HTTP 200 with {@code {"ok":false,"error":slackError}}, e.g. {@code not_in_channel}, {@code invalid_auth}. */
    static Failure error(String slackError) {
        return new SlackError(slackError);
    }

    /** Waits for {@code delay}, then answers normally; useful to exercise client timeouts. */
    static Failure slow(Duration delay) {
        return new Slow(delay);
    }

    /**
     * Closes the connection without sending any answer. The SDK's HTTP client (OkHttp) silently resends a request once
     * when a kept-alive connection drops, so use {@code failNext(method, 2, dropConnection())} or {@code failAlways}
     * to make the caller see an {@code IOException}.
     */
    static Failure dropConnection() {
        return new DroppedConnection();
    }

    /** See {@link Failure#rateLimited(int)}. */
    record RateLimited(int retryAfterSeconds) implements Failure {
        public RateLimited {
            if (retryAfterSeconds < 0) {
                throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + retryAfterSeconds);
            }
        }
    }

    /** See {@link Failure#serverError(int)}. */
    record ServerError(int status) implements Failure {
        public ServerError {
            if (status < 300 || status > 599) {
                throw new IllegalArgumentException("status must be a 3xx-5xx HTTP status, was " + status);
            }
        }
    }

    /** See {@link Failure#error(String)}. */
    record SlackError(String error) implements Failure {
        public SlackError {
            Objects.requireNonNull(error, "error");
        }
    }

    /** See {@link Failure#slow(Duration)}. */
    record Slow(Duration delay) implements Failure {
        public Slow {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, was " + delay);
            }
        }
    }

    /** See {@link Failure#dropConnection()}. */
    record DroppedConnection() implements Failure {}
}
