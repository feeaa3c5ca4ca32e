package reviewcoach.dialogue;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the due date people write after "by" in a follow-up: {@code by 2026-12-01}, {@code by Friday}, {@code by Dec 1},
 * {@code by 1 December}, {@code by 12/1} (month first), {@code by tomorrow}, {@code by next week}. A day without a year
 * is the next such day: a weekday strictly after today, a date on or after today.
 */
final class DueDate {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String WEEKDAY =
            "(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";

    /** "by" and one way of writing a date; the named groups say which. */
    private static final Pattern BY = Pattern.compile("(?i)\\s*\\bby\\s+(?:"
            + "(?<iso>\\d{4}-\\d{2}-\\d{2})"
            + "|(?<slashMonth>\\d{1,2})/(?<slashDay>\\d{1,2})(?:/(?<slashYear>\\d{2}|\\d{4}))?"
            + "|(?<nameMonth>" + MONTH
            + ")\\s+(?<nameMonthDay>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<nameMonthYear>\\d{4}))?"
            + "|(?<dayFirst>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<dayFirstMonth>" + MONTH + ")"
            + "(?:,?\\s+(?<dayFirstYear>\\d{4}))?"
            + "|(?:next\\s+|this\\s+)?(?<weekday>" + WEEKDAY + ")"
            + "|(?<tomorrow>tomorrow)|(?<today>today|tonight|(?:the )?end of (?:the )?day|eod)"
            + "|(?<nextWeek>next week)|(?<endOfWeek>(?:the )?end of (?:the |this )?week)"
            + ")(?![\\p{L}\\p{N}/-])");

    private static final Pattern ISO_ONLY = Pattern.compile("(?i)\\s*\\bby\\s+(?<iso>\\d{4}-\\d{2}-\\d{2})\\b");

    /** A due date found in a line, and where its words are, so the description can leave them out. */
    record Found(LocalDate date, int start, int end) {}

    private DueDate() {}

    /** The first ISO date after "by" ({@code by 2026-12-01}), the only form that needs no today. */
    static Optional<Found> findIso(String text) {
        Matcher matcher = ISO_ONLY.matcher(text);
        while (matcher.find()) {
            Optional<LocalDate> date = iso(matcher.group("iso"));
            if (date.isPresent()) {
                return Optional.of(new Found(date.get(), matcher.start(), matcher.end()));
            }
        }
        return Optional.empty();
    }

    /** The first date after "by" in any of the forms people write, read from today. */
    static Optional<Found> find(String text, LocalDate today) {
        Matcher matcher = BY.matcher(text);
        while (matcher.find()) {
            Optional<LocalDate> date = read(matcher, today);
            if (date.isPresent()) {
                return Optional.of(new Found(date.get(), matcher.start(), matcher.end()));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> read(Matcher by, LocalDate today) {
        if (by.group("iso") != null) {
            return iso(by.group("iso"));
        }
        if (by.group("slashMonth") != null) {
            return dayOf(Integer.parseInt(by.group("slashMonth")), by.group("slashDay"), by.group("slashYear"), today);
        }
        if (by.group("nameMonth") != null) {
            return dayOf(month(by.group("nameMonth")), by.group("nameMonthDay"), by.group("nameMonthYear"), today);
        }
        if (by.group("dayFirst") != null) {
            return dayOf(month(by.group("dayFirstMonth")), by.group("dayFirst"), by.group("dayFirstYear"), today);
        }
        if (by.group("weekday") != null) {
            return Optional.of(today.with(TemporalAdjusters.next(weekday(by.group("weekday")))));
        }
        if (by.group("tomorrow") != null) {
            return Optional.of(today.plusDays(1));
        }
        if (by.group("today") != null) {
            return Optional.of(today);
        }
        if (by.group("nextWeek") != null) {
            return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        }
        return Optional.of(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
    }

    private static Optional<LocalDate> iso(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    /** A month and day, in the year given or else the next one on or after today. */
    private static Optional<LocalDate> dayOf(int month, String day, String year, LocalDate today) {
        try {
            if (year != null) {
                int fullYear = Integer.parseInt(year) + (year.length() == 2 ? 2000 : 0);
                return Optional.of(LocalDate.of(fullYear, month, Integer.parseInt(day)));
            }
            MonthDay monthDay = MonthDay.of(month, Integer.parseInt(day));
            LocalDate thisYear = monthDay.atYear(today.getYear());
            return Optional.of(thisYear.isBefore(today) ? monthDay.atYear(today.getYear() + 1) : thisYear);
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static int month(String written) {
        String start = written.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(start)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException("not a month: " + written);
    }

    private static DayOfWeek weekday(String written) {
        String start = written.toLowerCase(Locale.ROOT).substring(0, 2);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(start)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a weekday: " + written);
    }
}
