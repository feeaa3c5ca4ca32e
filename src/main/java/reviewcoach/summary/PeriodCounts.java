package reviewcoach.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store counted for a stretch of time, before it is made a {@link PeriodPicture}: two stretches next to each
 * other add up to the stretch they make together, so a month can be counted as its earlier days plus today.
 *
 * @param spans the finished sessions' spans, latest finish first, at most {@link #SPANS_KEPT}
 * @param before each distinct feeling line of the model as it is, with its count
 * @param after the same for the intentional model
 */
public record PeriodCounts(
        long started, long finished, List<TimeToFinish.Span> spans, Map<String, Long> before, Map<String, Long> after) {

    /** Enough finished sessions for a fair median; a period with more is sampled by its latest. */
    public static final int SPANS_KEPT = 5_000;

    private static final Comparator<TimeToFinish.Span> LATEST_FIRST =
            Comparator.comparing(TimeToFinish.Span::finishedAt).reversed();

    public PeriodCounts {
        if (started < 0 || finished < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        spans = List.copyOf(spans);
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    public static PeriodCounts none() {
        return new PeriodCounts(0, 0, List.of(), Map.of(), Map.of());
    }

    /** This stretch and another together: counts added, feelings tallied together, the latest spans kept. */
    public PeriodCounts plus(PeriodCounts other) {
        Objects.requireNonNull(other, "other");
        List<TimeToFinish.Span> both = new ArrayList<>(spans.size() + other.spans.size());
        both.addAll(spans);
        both.addAll(other.spans);
        both.sort(LATEST_FIRST);
        return new PeriodCounts(
                started + other.started,
                finished + other.finished,
                both.subList(0, Math.min(SPANS_KEPT, both.size())),
                merged(before, other.before),
                merged(after, other.after));
    }

    public PeriodPicture picture() {
        return PeriodPicture.of(started, finished, spans, before, after);
    }

    private static Map<String, Long> merged(Map<String, Long> one, Map<String, Long> other) {
        Map<String, Long> sum = new HashMap<>(one);
        other.forEach((line, times) -> sum.merge(line, times, Long::sum));
        return sum;
    }
}
