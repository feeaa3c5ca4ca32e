package reviewcoach.summary;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a stretch of time looked like for the team: sessions started and finished, how long finishing took, and the
 * feelings named before (the model as it is) and after (the intentional model).
 *
 * @param medianToFinish the median time from start to finish, or null when nothing finished
 */
public record PeriodPicture(
        long started, long finished, Duration medianToFinish, List<Tally> feelingsBefore, List<Tally> feelingsAfter) {

    public PeriodPicture {
        if (started < 0 || finished < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        feelingsBefore = List.copyOf(feelingsBefore);
        feelingsAfter = List.copyOf(feelingsAfter);
    }

    /**
     * Builds the picture from what the store counted.
     *
     * @param spans the finished sessions' start and finish times
     * @param before each distinct feeling line of the model as it is, with its count
     * @param after the same for the intentional model
     */
    public static PeriodPicture of(
            long started,
            long finished,
            List<TimeToFinish.Span> spans,
            Map<String, Long> before,
            Map<String, Long> after) {
        Objects.requireNonNull(spans, "spans");
        return new PeriodPicture(
                started,
                finished,
                TimeToFinish.median(spans).orElse(null),
                Feelings.mostCommon(before, Feelings.SHOWN),
                Feelings.mostCommon(after, Feelings.SHOWN));
    }

    public Optional<Duration> medianIfAny() {
        return Optional.ofNullable(medianToFinish);
    }

    /** True when nothing happened: a picture would only show zeros. */
    public boolean isEmpty() {
        return started == 0 && finished == 0 && feelingsBefore.isEmpty() && feelingsAfter.isEmpty();
    }
}
