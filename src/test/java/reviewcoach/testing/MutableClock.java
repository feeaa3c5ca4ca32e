package reviewcoach.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets to any day and hour, which then runs on like a real one (so that pacing and time-outs still
 * pass), so that what depends on the date happens when the test says; thread-safe.
 */
public final class MutableClock extends Clock {

    /** The instant set, and {@link System#nanoTime()} when it was set. */
    private record Mark(Instant at, long nanos) {}

    private final AtomicReference<Mark> mark;

    public MutableClock(Instant start) {
        this.mark = new AtomicReference<>(new Mark(start, System.nanoTime()));
    }

    /** Jumps to an instant, from which the clock runs on. */
    public void set(Instant instant) {
        mark.set(new Mark(instant, System.nanoTime()));
    }

    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    @Override
    public Instant instant() {
        Mark current = mark.get();
        return current.at().plusNanos(System.nanoTime() - current.nanos());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
