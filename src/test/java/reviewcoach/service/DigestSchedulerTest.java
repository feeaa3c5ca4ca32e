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
import reviewcoach.dialogue.PracticeType;
import reviewcoach.summary.WeeklySchedule;
import reviewcoach.testing.SettableClock;

class DigestSchedulerTest {

    private static final WeeklySchedule MONDAY_NINE = new WeeklySchedule(DayOfWeek.MONDAY, 9, ZoneId.of("UTC"));

    /** Claims as the database does: once per channel and week, for every scheduler that shares it. */
    private static final class Claims implements DigestQueue {
        final Set<String> claimed = new HashSet<>();
        final List<Instant> queued = new ArrayList<>();

        @Override
        public synchronized boolean claimWeek(DigestAddress to, LocalDate week, Instant periodEnd, Instant now) {
            if (!claimed.add(to.channel() + week)) {
                return false;
            }
            queued.add(periodEnd);
            return true;
        }

        @Override
        public synchronized void queueNow(DigestAddress to, Instant periodEnd, Instant now) {
            queued.add(periodEnd);
        }
    }

    private final Claims claims = new Claims();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T08:59:59Z"));
    private final AtomicInteger wakes = new AtomicInteger();

    private DigestScheduler scheduler() {
        return new DigestScheduler(claims, addresses("C0MANAGERS"), MONDAY_NINE, clock, wakes::incrementAndGet);
    }

    private static DigestAddresses addresses(String channel) {
        return new DigestAddresses(Offices.fixed(new OfficeSettings(channel, Set.of(), PracticeType.GENERAL)), null);
    }

    @Test
    void queuesTheWeeksDigestOnceWhenItsHourComesEvenWithTwoInstances() {
        DigestScheduler one = scheduler();
        DigestScheduler two = scheduler();
        assertEquals(0, one.queueIfDue(), "not before nine");

        clock.set(Instant.parse("2026-11-30T09:00:30Z"));
        assertEquals(1, one.queueIfDue());
        assertEquals(0, one.queueIfDue());
        assertEquals(0, two.queueIfDue(), "the other instance finds it claimed");
        assertEquals(List.of(Instant.parse("2026-11-30T09:00:00Z")), claims.queued);
        assertEquals(1, wakes.get());

        clock.advance(Duration.ofDays(7));
        assertEquals(1, two.queueIfDue(), "next week's is new");
    }

    @Test
    void aDigestMissedByMoreThanADayIsSkipped() {
        clock.set(Instant.parse("2026-12-01T09:00:01Z"));
        assertEquals(0, scheduler().queueIfDue());
        assertTrue(claims.queued.isEmpty());
    }

    @Test
    void withoutASummaryChannelNothingIsQueued() {
        DigestScheduler off = new DigestScheduler(claims, addresses(null), MONDAY_NINE, clock, wakes::incrementAndGet);
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        assertEquals(0, off.queueIfDue());
        assertFalse(off.queueNow("T0OFFICE"));
        assertTrue(claims.queued.isEmpty());
    }

    @Test
    void withManyWorkspacesEachWithASummaryChannelGetsItsOwnWeek() {
        Offices offices = new Offices(
                new OfficeSettingsStore() {
                    @Override
                    public java.util.Optional<OfficeSettings> find(String workspace) {
                        return workspace.equals("T0QUIET")
                                ? java.util.Optional.empty()
                                : java.util.Optional.of(new OfficeSettings(
                                        "C0" + workspace.substring(2), Set.of(), PracticeType.GENERAL));
                    }

                    @Override
                    public void save(String workspace, OfficeSettings settings, String changedBy, Instant now) {}

                    @Override
                    public void remove(String workspace) {}
                },
                new OfficeSettings(null, Set.of(), PracticeType.GENERAL),
                clock);
        List<DigestAddress> sent = new ArrayList<>();
        DigestQueue queue = new DigestQueue() {
            @Override
            public boolean claimWeek(DigestAddress to, LocalDate week, Instant periodEnd, Instant now) {
                return sent.add(to);
            }

            @Override
            public void queueNow(DigestAddress to, Instant periodEnd, Instant now) {
                sent.add(to);
            }
        };
        DigestScheduler many = new DigestScheduler(
                queue,
                new DigestAddresses(offices, () -> List.of("T0DENTAL", "T0QUIET", "T0SHOP")),
                MONDAY_NINE,
                clock,
                wakes::incrementAndGet);
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));

        assertEquals(2, many.queueIfDue(), "the workspace without a summary channel gets none");
        assertEquals(List.of(new DigestAddress("T0DENTAL", "C0DENTAL"), new DigestAddress("T0SHOP", "C0SHOP")), sent);
        assertTrue(many.queueNow("T0SHOP"));
        assertFalse(many.queueNow("T0QUIET"));
        assertEquals(new DigestAddress("T0SHOP", "C0SHOP"), sent.get(2));
    }
}
