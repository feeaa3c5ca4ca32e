package reviewcoach.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: after {@code Retry-After} when rate limited, with capped exponential backoff and
 * jitter after server errors, never after a permanent refusal. Immutable and thread-safe.
 */
public final class RetryPolicy {

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final DoubleSupplier jitter;

    /**
     * @param firstDelay the delay after the first transient failure
     * @param maxDelay the longest delay between two attempts
     * @param maxAttempts after this many failed attempts a delivery is given up
     * @param jitter a source of numbers in [0, 1); a delay is scaled into [50%, 100%] by it
     */
    public RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts, DoubleSupplier jitter) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
    }

    /** One second doubling up to five minutes, for about four hours of trying. */
    public static RetryPolicy standard() {
        return new RetryPolicy(
                Duration.ofSeconds(1), Duration.ofMinutes(5), 60, () -> java.util.concurrent.ThreadLocalRandom.current()
                        .nextDouble());
    }

    /**
     * When to try again after a failure.
     *
     * @param failuresSoFar failed attempts before this one
     * @return the time of the next attempt, or empty to give up
     */
    public Optional<Instant> nextAttempt(int failuresSoFar, DeliveryFailure failure, Instant now) {
        if (failure.kind() == DeliveryFailure.Kind.PERMANENT || failuresSoFar + 1 >= maxAttempts) {
            return Optional.empty();
        }
        if (failure.kind() == DeliveryFailure.Kind.RATE_LIMITED) {
            Duration wait = failure.retryAfter().isZero() ? firstDelay : failure.retryAfter();
            return Optional.of(now.plus(wait));
        }
        return Optional.of(now.plus(backoff(failuresSoFar)));
    }

    Duration backoff(int failuresSoFar) {
        long cappedShift = Math.min(failuresSoFar, 30);
        long millis = Math.min(maxDelay.toMillis(), firstDelay.toMillis() * (1L << cappedShift));
        long jittered = (long) (millis * (0.5 + 0.5 * jitter.getAsDouble()));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
