package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.summary.WeeklySchedule;

/**
 * Queues the weekly digest when its hour comes, and a digest now when a manager asks. Polls the clock; the database
 * claim makes each week's digest go out once across restarts and instances. Thread-safe.
 */
public final class DigestScheduler {

    /** A digest missed by more than this (the service was down) is skipped rather than sent days late. */
    static final Duration CATCH_UP = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestQueue queue;
    private final DigestAddresses addresses;
    private final WeeklySchedule schedule;
    private final Clock clock;
    private final Runnable wakeCourier;
    private volatile Instant lastSlotSeen;

    /**
     * @param addresses where digests go; a workspace without a summary channel gets none
     * @param wakeCourier tells the courier a delivery was queued
     */
    public DigestScheduler(
            DigestQueue queue, DigestAddresses addresses, WeeklySchedule schedule, Clock clock, Runnable wakeCourier) {
        this.queue = queue;
        this.addresses = addresses;
        this.schedule = schedule;
        this.clock = clock;
        this.wakeCourier = wakeCourier;
    }

    /** Looks at the clock every {@code poll}, and queues this week's digests when they are due. */
    public void start(ScheduledExecutorService chores, Duration poll) {
        log.info("weekly digest every {} at {}:00 {}", schedule.day(), schedule.hour(), schedule.zone());
        chores.scheduleWithFixedDelay(
                () -> {
                    try {
                        queueIfDue();
                    } catch (RuntimeException failure) {
                        log.warn("could not check the weekly digest, trying again shortly: {}", failure.toString());
                    }
                },
                0,
                poll.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Queues this week's digests that are due and that nobody queued yet: one per workspace with a summary channel.
     *
     * @return how many this call queued
     */
    public int queueIfDue() {
        Instant now = clock.instant();
        Instant slot = schedule.latestAtOrBefore(now);
        if (slot.equals(lastSlotSeen) || Duration.between(slot, now).compareTo(CATCH_UP) > 0) {
            return 0;
        }
        int queued = 0;
        for (DigestAddress to : addresses.all()) {
            if (queue.claimWeek(to, schedule.weekOf(slot), slot, now)) {
                queued++;
            }
        }
        lastSlotSeen = slot;
        if (queued > 0) {
            log.info("{} weekly digests of the week of {} queued", queued, schedule.weekOf(slot));
            wakeCourier.run();
        }
        return queued;
    }

    /** Queues a digest of a workspace's last seven days now; false when it has no summary channel. */
    public boolean queueNow(String workspace) {
        var to = addresses.of(workspace);
        if (to.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        queue.queueNow(to.get(), now, now);
        wakeCourier.run();
        return true;
    }
}
