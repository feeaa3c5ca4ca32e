package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReminderTimesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant TUESDAY_AFTERNOON = Instant.parse("2026-12-01T15:00:00Z");

    @Test
    void theFirstReminderIsAtNineOnTheDueDateInTheOwnersZone() {
        assertEquals(
                Instant.parse("2026-12-03T14:00:00Z"),
                ReminderTimes.first(LocalDate.of(2026, 12, 3), NEW_YORK, TUESDAY_AFTERNOON));
    }

    @Test
    void aDueDateWhoseMorningHasPassedIsRemindedTheNextMorning() {
        assertEquals(
                Instant.parse("2026-12-02T14:00:00Z"),
                ReminderTimes.first(LocalDate.of(2026, 11, 20), NEW_YORK, TUESDAY_AFTERNOON));
    }

    @Test
    void anItemWithoutADueDateIsNotReminded() {
        assertNull(ReminderTimes.first(null, NEW_YORK, TUESDAY_AFTERNOON));
    }

    @Test
    void overdueItemsAreRemindedTheFollowingMorningAcrossADaylightSavingChange() {
        assertEquals(
                Instant.parse("2026-11-01T14:00:00Z"),
                ReminderTimes.next(Instant.parse("2026-10-31T13:00:00Z"), NEW_YORK),
                "09:00 EST the day after 09:00 EDT");
    }

    @Test
    void anUnknownZoneIsUtc() {
        assertEquals(ZoneOffset.UTC, ReminderTimes.zone(null));
        assertEquals(ZoneOffset.UTC, ReminderTimes.zone("Mars/Olympus_Mons"));
        assertEquals(NEW_YORK, ReminderTimes.zone("America/New_York"));
    }
}
