package reviewcoach.slack.socket;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often the Socket Mode connection is checked, and how long to wait between attempts to get a new one: doubling
 * from {@code firstDelay} up to {@code maxDelay}, each scaled into [50%, 100%] by jitter so that many instances do not
 * ask Slack at the same moment. Immutable.
 *
 * @param checkEvery how often a ping asks whether the connection is alive
 * @param firstDelay the wait after the first failed attempt, and after a close before checking
 * @param maxDelay the longest wait between two attempts
 * @param jitter a source of numbers in [0, 1)
 */
public record ReconnectTiming(Duration checkEvery, Duration firstDelay, Duration maxDelay, DoubleSupplier jitter) {

    public ReconnectTiming {
        if (checkEvery.isNegative() || checkEvery.isZero() || firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("checkEvery and firstDelay must be positive");
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least firstDelay");
        }
    }

    /**
     * A check every 5 seconds, as Bolt's own session monitor does; waits from 1 second doubling to 1 minute, since
     * {@code apps.connections.open} is rate limited.
     */
    public static ReconnectTiming standard() {
        return new ReconnectTiming(
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1), () -> ThreadLocalRandom.current()
                        .nextDouble());
    }

    /** The wait after {@code failuresSoFar} failed attempts in a row (1 or more). */
    Duration backoff(int failuresSoFar) {
        long shift = Math.min(Math.max(failuresSoFar - 1, 0), 30);
        long millis = Math.min(maxDelay.toMillis(), firstDelay.toMillis() * (1L << shift));
        return Duration.ofMillis(Math.max(1, (long) (millis * (0.5 + 0.5 * jitter.getAsDouble()))));
    }
}
