package reviewcoach.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** When owners are reminded: at nine in the morning of their own time zone (UTC when it is unknown). */
public final class ReminderTimes {

    /** The hour of the owner's day at which reminders arrive. */
    public static final LocalTime MORNING = LocalTime.of(9, 0);

    private ReminderTimes() {}

    /** The zone Slack named, or UTC when it named none or one Java does not know. */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * The first reminder for an item due on {@code due}: that morning, or, when that morning has passed already, the
     * next morning after {@code now}; null for an item without a due date.
     */
    public static Instant first(LocalDate due, ZoneId zone, Instant now) {
        if (due == null) {
            return null;
        }
        Instant dueMorning = ZonedDateTime.of(due, MORNING, zone).toInstant();
        return dueMorning.isBefore(now) ? nextMorning(now, zone) : dueMorning;
    }

    /** The next reminder of an overdue item reminded at {@code now}: the following day's morning, at most once a day. */
    public static Instant next(Instant now, ZoneId zone) {
        LocalDate tomorrow = now.atZone(zone).toLocalDate().plusDays(1);
        return ZonedDateTime.of(tomorrow, MORNING, zone).toInstant();
    }

    /** The first morning at or after {@code now}. */
    private static Instant nextMorning(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), MORNING, zone);
        return today.toInstant().isBefore(now) ? next(now, zone) : today.toInstant();
    }
}
