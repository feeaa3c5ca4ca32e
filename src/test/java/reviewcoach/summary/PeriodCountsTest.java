package reviewcoach.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodCountsTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void twoStretchesAddUpToTheStretchTheyMake() {
        PeriodCounts earlier = new PeriodCounts(
                3, 2, List.of(span(2, 30), span(1, 60)), Map.of("anxious", 2L, "angry", 1L), Map.of("calm", 1L));
        PeriodCounts today = new PeriodCounts(1, 1, List.of(span(10, 45)), Map.of("anxious", 1L), Map.of());

        PeriodCounts month = earlier.plus(today);

        assertEquals(4, month.started());
        assertEquals(3, month.finished());
        assertEquals(List.of(span(10, 45), span(2, 30), span(1, 60)), month.spans(), "latest finish first");
        assertEquals(Map.of("anxious", 3L, "angry", 1L), month.before());
        assertEquals(Map.of("calm", 1L), month.after());
        assertEquals(Duration.ofMinutes(45), month.picture().medianToFinish());
        assertEquals("anxious", month.picture().feelingsBefore().get(0).label());
    }

    @Test
    void aLongStretchKeepsOnlyItsLatestSpans() {
        List<TimeToFinish.Span> many = new ArrayList<>();
        for (int hour = PeriodCounts.SPANS_KEPT; hour > 0; hour--) {
            many.add(span(hour, 30));
        }
        PeriodCounts earlier = new PeriodCounts(many.size(), many.size(), many, Map.of(), Map.of());
        PeriodCounts today = new PeriodCounts(1, 1, List.of(span(PeriodCounts.SPANS_KEPT + 1, 90)), Map.of(), Map.of());

        List<TimeToFinish.Span> kept = earlier.plus(today).spans();

        assertEquals(PeriodCounts.SPANS_KEPT, kept.size());
        assertEquals(span(PeriodCounts.SPANS_KEPT + 1, 90), kept.get(0));
        assertEquals(span(2, 30), kept.get(kept.size() - 1), "the earliest dropped");
    }

    @Test
    void nothingAddsNothing() {
        PeriodCounts some = new PeriodCounts(1, 0, List.of(), Map.of("hurt", 1L), Map.of());
        assertEquals(some, some.plus(PeriodCounts.none()));
        assertEquals(some, PeriodCounts.none().plus(some));
    }

    /** A session started {@code hour} hours after the start, finished {@code minutes} later. */
    private static TimeToFinish.Span span(int hour, int minutes) {
        Instant started = START.plus(Duration.ofHours(hour));
        return new TimeToFinish.Span(started, started.plus(Duration.ofMinutes(minutes)));
    }
}
