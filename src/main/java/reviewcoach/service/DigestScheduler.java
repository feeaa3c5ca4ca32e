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
    private final String channel;
    private final WeeklySchedule schedule;
    private final Clock clock;
    private final Runnable wakeCourier;
    private volatile Instant lastSlotSeen;

    /**
     * @param channel where digests go, or null: then no digest is queued
     * @param wakeCourier tells the courier a delivery was queued
     */
    public DigestScheduler(
            DigestQueue queue, String channel, WeeklySchedule schedule, Clock clock, Runnable wakeCourier) {
        this.queue = queue;
        this.channel = channel;
        this.schedule = schedule;
        this.clock = clock;
        this.wakeCourier = wakeCourier;
    }

    /** Whether digests have somewhere to go. */
    public boolean isConfigured() {
        return channel != null;
    }

    /** Looks at the clock every {@code poll}, and queues this week's digest when it is due. */
    public void start(ScheduledExecutorService chores, Duration poll) {
        if (!isConfigured()) {
            log.info("weekly digest off: SUMMARY_CHANNEL is not set");
            return;
        }
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
     * Queues this week's digest if it is due and nobody queued it yet.
     *
     * @return true when this call queued it
     */
    public boolean queueIfDue() {
        if (!isConfigured()) {
            return false;
        }
        Instant now = clock.instant();
        Instant slot = schedule.latestAtOrBefore(now);
        if (slot.equals(lastSlotSeen) || Duration.between(slot, now).compareTo(CATCH_UP) > 0) {
            return false;
        }
        boolean queued = queue.claimWeek(channel, schedule.weekOf(slot), slot, now);
        lastSlotSeen = slot;
        if (queued) {
            log.info("weekly digest of the week of {} queued", schedule.weekOf(slot));
            wakeCourier.run();
        }
        return queued;
    }

    /** Queues a digest of the last seven days now; false when digests have nowhere to go. */
    public boolean queueNow() {
        if (!isConfigured()) {
            return false;
        }
        Instant now = clock.instant();
        queue.queueNow(now, now);
        wakeCourier.run();
        return true;
    }
}
