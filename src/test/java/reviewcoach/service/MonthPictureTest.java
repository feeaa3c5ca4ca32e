package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reviewcoach.summary.PeriodCounts;

/** A redraw of the month counts today only, and the earlier days again only when what was counted there changed. */
class MonthPictureTest {

    private static final ZoneId OFFICE = ZoneId.of("America/New_York");
    private static final ZonedDateTime DECEMBER = ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, OFFICE);

    private final RecordingActivity activity = new RecordingActivity();

    @Test
    void aRedrawCountsOnlyTodayAndAddsTheEarlierDaysKept() {
        ZonedDateTime morning = at("2026-12-15T10:00");
        MonthPicture first = draw(morning, Optional.empty());
        assertEquals(
                List.of(range("2026-12-01T00:00", "2026-12-15T00:00"), since("2026-12-15T00:00", morning)),
                activity.read);
        assertEquals(2, first.picture().started(), "one session counted in each part");

        activity.read.clear();
        ZonedDateTime minuteLater = morning.plusMinutes(1);
        MonthPicture second = draw(minuteLater, Optional.of(first));
        assertEquals(List.of(since("2026-12-15T00:00", minuteLater)), activity.read, "today only");
        assertEquals(2, second.picture().started());
        assertEquals(first.earlier(), second.earlier());
    }

    @Test
    void somethingTakenBackMeansTheEarlierDaysAreCountedAgain() {
        ZonedDateTime morning = at("2026-12-15T10:00");
        MonthPicture first = draw(morning, Optional.empty());
        activity.changes = 1;
        activity.read.clear();

        draw(morning.plusMinutes(1), Optional.of(first));
        assertEquals(range("2026-12-01T00:00", "2026-12-15T00:00"), activity.read.get(0));
        assertEquals(2, activity.read.size());
    }

    @Test
    void aNewDayJoinsTheEarlierDaysOnceEverythingStampedBeforeMidnightIsIn() {
        MonthPicture evening = draw(at("2026-12-15T23:58"), Optional.empty());
        activity.read.clear();

        ZonedDateTime justAfter = at("2026-12-16T00:05");
        MonthPicture settling = draw(justAfter, Optional.of(evening));
        assertEquals(List.of(since("2026-12-15T00:00", justAfter)), activity.read, "yesterday still counted afresh");

        activity.read.clear();
        ZonedDateTime settled = at("2026-12-16T00:11");
        MonthPicture next = draw(settled, Optional.of(settling));
        assertEquals(
                List.of(range("2026-12-15T00:00", "2026-12-16T00:00"), since("2026-12-16T00:00", settled)),
                activity.read,
                "the settled day alone, added to the days kept");
        assertEquals(3, next.picture().started(), "the days kept, the day settled, today: one session each");
        assertEquals(at("2026-12-16T00:00").toInstant(), next.earlier().until());
    }

    @Test
    void somethingTakenBackWhileADaySettlesMeansTheWholeMonthIsCountedAgain() {
        MonthPicture yesterday = draw(at("2026-12-15T12:00"), Optional.empty());
        activity.changes = 1;
        activity.read.clear();

        ZonedDateTime settled = at("2026-12-16T00:11");
        draw(settled, Optional.of(yesterday));
        assertEquals(
                List.of(range("2026-12-01T00:00", "2026-12-16T00:00"), since("2026-12-16T00:00", settled)),
                activity.read);
    }

    @Test
    void aNewMonthKeepsNothingOfTheLast() {
        ZonedDateTime november = ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, OFFICE);
        MonthPicture lastOfNovember =
                MonthPicture.draw(activity, "T1", november, at("2026-11-30T23:00"), Optional.empty());
        activity.read.clear();

        ZonedDateTime secondOfDecember = at("2026-12-02T00:11");
        MonthPicture next = draw(secondOfDecember, Optional.of(lastOfNovember));
        assertEquals(
                List.of(range("2026-12-01T00:00", "2026-12-02T00:00"), since("2026-12-02T00:00", secondOfDecember)),
                activity.read);
        assertEquals(2, next.picture().started(), "December's two stretches only");
    }

    @Test
    void theFirstDayOfTheMonthHasNoEarlierDays() {
        ZonedDateTime firstMorning = at("2026-12-01T00:05");
        draw(firstMorning, Optional.empty());
        assertEquals(
                List.of(range("2026-12-01T00:00", "2026-12-01T00:00"), since("2026-12-01T00:00", firstMorning)),
                activity.read,
                "the earlier days are an empty stretch, not the end of November");
    }

    private MonthPicture draw(ZonedDateTime now, Optional<MonthPicture> last) {
        return MonthPicture.draw(activity, "T1", DECEMBER, now, last);
    }

    private static ZonedDateTime at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OFFICE);
    }

    private static List<Instant> range(String from, String to) {
        return List.of(at(from).toInstant(), at(to).toInstant());
    }

    /** From a midnight to just after now, as a drawing counts today. */
    private static List<Instant> since(String from, ZonedDateTime now) {
        return List.of(at(from).toInstant(), now.toInstant().plusSeconds(1));
    }

    /** Counts one session and one "calm" for every stretch it is asked about, and records the stretches. */
    private static final class RecordingActivity extends QuietTeamActivity {
        final List<List<Instant>> read = new ArrayList<>();
        long changes;

        @Override
        public PeriodCounts counts(String workspace, Instant from, Instant to) {
            read.add(List.of(from, to));
            return new PeriodCounts(1, 0, List.of(), Map.of("calm", 1L), Map.of());
        }

        @Override
        public long changes(String workspace) {
            return changes;
        }
    }
}
