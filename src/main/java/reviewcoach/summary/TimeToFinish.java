package reviewcoach.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How long sessions took from start to finish: the median, which one stalled session cannot drag out. */
public final class TimeToFinish {

    private TimeToFinish() {}

    /** A finished session's span. */
    public record Span(Instant startedAt, Instant finishedAt) {
        public Duration duration() {
            Duration duration = Duration.between(startedAt, finishedAt);
            return duration.isNegative() ? Duration.ZERO : duration;
        }
    }

    /** The median of the spans' durations (the mean of the middle two for an even count), or empty for none. */
    public static Optional<Duration> median(List<Span> spans) {
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> durations = new ArrayList<>(spans.size());
        spans.forEach(span -> durations.add(span.duration()));
        durations.sort(null);
        int middle = durations.size() / 2;
        if (durations.size() % 2 == 1) {
            return Optional.of(durations.get(middle));
        }
        return Optional.of(durations.get(middle - 1).plus(durations.get(middle)).dividedBy(2));
    }

    /** A duration as people say it: "45 min", "3 h 20 min", "2 days". */
    public static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return "under a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = duration.toHours();
        if (hours < 24) {
            long rest = minutes % 60;
            return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
        }
        long days = Math.round(duration.toMinutes() / (24.0 * 60));
        return days == 1 ? "1 day" : days + " days";
    }
}
