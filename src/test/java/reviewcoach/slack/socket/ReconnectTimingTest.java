package reviewcoach.slack.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectTimingTest {

    private static ReconnectTiming withJitter(double jitter) {
        return new ReconnectTiming(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1), () -> jitter);
    }

    @Test
    void waitsDoubleFromTheFirstDelayUpToTheCap() {
        ReconnectTiming timing = withJitter(0.999_999);

        assertEquals(Duration.ofSeconds(1), timing.backoff(1).plusMillis(1).withNanos(0));
        assertEquals(Duration.ofSeconds(2), timing.backoff(2).plusMillis(1).withNanos(0));
        assertEquals(Duration.ofSeconds(4), timing.backoff(3).plusMillis(1).withNanos(0));
        assertEquals(Duration.ofMinutes(1), timing.backoff(30).plusMillis(1).withNanos(0));
        assertEquals(Duration.ofMinutes(1), timing.backoff(1_000).plusMillis(1).withNanos(0));
    }

    @Test
    void jitterTakesAWaitDownToHalf() {
        assertEquals(Duration.ofMillis(500), withJitter(0).backoff(1));
        assertEquals(Duration.ofSeconds(30), withJitter(0).backoff(99));
    }

    @Test
    void refusesTimingsThatWouldSpinOrNeverGrow() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReconnectTiming(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), () -> 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReconnectTiming(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0));
    }
}
