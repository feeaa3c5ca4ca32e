package reviewcoach.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static final WeeklySchedule MONDAY_NINE_NEW_YORK =
            new WeeklySchedule(DayOfWeek.MONDAY, 9, ZoneId.of("America/New_York"));

    @Test
    void theLatestSlotIsThisWeeksOnceItsHourHasCome() {
        // Monday 2026-11-30 at 9:00 in New York is 14:00 UTC.
        assertEquals(
                Instant.parse("2026-11-30T14:00:00Z"),
                MONDAY_NINE_NEW_YORK.latestAtOrBefore(Instant.parse("2026-11-30T14:00:00Z")));
        assertEquals(
                Instant.parse("2026-11-30T14:00:00Z"),
                MONDAY_NINE_NEW_YORK.latestAtOrBefore(Instant.parse("2026-12-03T08:00:00Z")));
    }

    @Test
    void beforeItsHourTheLatestSlotIsLastWeeks() {
        assertEquals(
                Instant.parse("2026-11-23T14:00:00Z"),
                MONDAY_NINE_NEW_YORK.latestAtOrBefore(Instant.parse("2026-11-30T13:59:59Z")));
    }

    @Test
    void followsDaylightSavingTime() {
        // In July New York is four hours behind UTC, not five.
        assertEquals(
                Instant.parse("2026-07-06T13:00:00Z"),
                MONDAY_NINE_NEW_YORK.latestAtOrBefore(Instant.parse("2026-07-07T00:00:00Z")));
    }

    @Test
    void aSlotsLocalDateNamesItsWeek() {
        assertEquals(LocalDate.parse("2026-11-30"), MONDAY_NINE_NEW_YORK.weekOf(Instant.parse("2026-11-30T14:00:00Z")));
    }
}
