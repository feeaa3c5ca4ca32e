package reviewcoach.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeToFinishTest {

    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private static TimeToFinish.Span took(Duration duration) {
        return new TimeToFinish.Span(START, START.plus(duration));
    }

    @Test
    void theMedianIsTheMiddleOneStalledSessionCannotDragOut() {
        List<TimeToFinish.Span> spans =
                List.of(took(Duration.ofMinutes(30)), took(Duration.ofDays(20)), took(Duration.ofMinutes(40)));
        assertEquals(Optional.of(Duration.ofMinutes(40)), TimeToFinish.median(spans));
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        List<TimeToFinish.Span> spans = List.of(
                took(Duration.ofMinutes(10)),
                took(Duration.ofMinutes(20)),
                took(Duration.ofMinutes(40)),
                took(Duration.ofHours(9)));
        assertEquals(Optional.of(Duration.ofMinutes(30)), TimeToFinish.median(spans));
    }

    @Test
    void nothingFinishedHasNoMedian() {
        assertEquals(Optional.empty(), TimeToFinish.median(List.of()));
    }

    @Test
    void describesDurationsAsPeopleSayThem() {
        assertEquals("under a minute", TimeToFinish.describe(Duration.ofSeconds(20)));
        assertEquals("45 min", TimeToFinish.describe(Duration.ofMinutes(45)));
        assertEquals("3 h", TimeToFinish.describe(Duration.ofHours(3)));
        assertEquals("3 h 20 min", TimeToFinish.describe(Duration.ofMinutes(200)));
        assertEquals("1 day", TimeToFinish.describe(Duration.ofHours(26)));
        assertEquals("3 days", TimeToFinish.describe(Duration.ofHours(70)));
    }
}
