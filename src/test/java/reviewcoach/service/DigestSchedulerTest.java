package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reviewcoach.summary.WeeklySchedule;
import reviewcoach.testing.SettableClock;

class DigestSchedulerTest {

    private static final WeeklySchedule MONDAY_NINE = new WeeklySchedule(DayOfWeek.MONDAY, 9, ZoneId.of("UTC"));

    /** Claims as the database does: once per channel and week, for every scheduler that shares it. */
    private static final class Claims implements DigestQueue {
        final Set<String> claimed = new HashSet<>();
        final List<Instant> queued = new ArrayList<>();

        @Override
        public synchronized boolean claimWeek(String channel, LocalDate week, Instant periodEnd, Instant now) {
            if (!claimed.add(channel + week)) {
                return false;
            }
            queued.add(periodEnd);
            return true;
        }

        @Override
        public synchronized void queueNow(Instant periodEnd, Instant now) {
            queued.add(periodEnd);
        }
    }

    private final Claims claims = new Claims();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T08:59:59Z"));
    private final AtomicInteger wakes = new AtomicInteger();

    private DigestScheduler scheduler() {
        return new DigestScheduler(claims, "C0MANAGERS", MONDAY_NINE, clock, wakes::incrementAndGet);
    }

    @Test
    void queuesTheWeeksDigestOnceWhenItsHourComesEvenWithTwoInstances() {
        DigestScheduler one = scheduler();
        DigestScheduler two = scheduler();
        assertFalse(one.queueIfDue(), "not before nine");

        clock.set(Instant.parse("2026-11-30T09:00:30Z"));
        assertTrue(one.queueIfDue());
        assertFalse(one.queueIfDue());
        assertFalse(two.queueIfDue(), "the other instance finds it claimed");
        assertEquals(List.of(Instant.parse("2026-11-30T09:00:00Z")), claims.queued);
        assertEquals(1, wakes.get());

        clock.advance(Duration.ofDays(7));
        assertTrue(two.queueIfDue(), "next week's is new");
    }

    @Test
    void aDigestMissedByMoreThanADayIsSkipped() {
        clock.set(Instant.parse("2026-12-01T09:00:01Z"));
        assertFalse(scheduler().queueIfDue());
        assertTrue(claims.queued.isEmpty());
    }

    @Test
    void withoutASummaryChannelNothingIsQueued() {
        DigestScheduler off = new DigestScheduler(claims, null, MONDAY_NINE, clock, wakes::incrementAndGet);
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        assertFalse(off.queueIfDue());
        assertFalse(off.queueNow());
        assertTrue(claims.queued.isEmpty());
    }
}
