package reviewcoach.summary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When the weekly digest goes out: a day of the week, an hour, in a time zone.
 *
 * @param hour 0 to 23, local time
 */
public record WeeklySchedule(DayOfWeek day, int hour, ZoneId zone) {

    public WeeklySchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour is 0 to 23, got " + hour);
        }
    }

    /** Monday at 9 in UTC. */
    public static WeeklySchedule standard() {
        return new WeeklySchedule(DayOfWeek.MONDAY, 9, ZoneId.of("UTC"));
    }

    /** The latest moment the digest was due at or before {@code now}. */
    public Instant latestAtOrBefore(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate().with(TemporalAdjusters.previousOrSame(day));
        ZonedDateTime slot = date.atTime(hour, 0).atZone(zone);
        if (slot.toInstant().isAfter(now)) {
            slot = date.minusWeeks(1).atTime(hour, 0).atZone(zone);
        }
        return slot.toInstant();
    }

    /** The local date of a slot, which names its week. */
    public LocalDate weekOf(Instant slot) {
        return slot.atZone(zone).toLocalDate();
    }
}
