package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reminders the database says are due: every so often it claims each due reminder by moving its time to the
 * owner's next morning, in the same transaction that queues the message, so that each reminder goes out once even
 * with several instances on one database and across restarts. Done items are never reminded. Thread-safe.
 */
public final class ReminderScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);
    /** Reminders claimed per look; the rest wait for the next one. */
    private static final int BATCH = 50;

    private final SessionStore store;
    private final Clock clock;
    private final Duration every;
    private final Runnable deliveriesWaiting;
    private final ScheduledExecutorService timer;

    /**
     * @param every how often it looks for due reminders
     * @param deliveriesWaiting called when reminders were queued
     */
    public ReminderScheduler(SessionStore store, Clock clock, Duration every, Runnable deliveriesWaiting) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive, was " + every);
        }
        this.store = store;
        this.clock = clock;
        this.every = every;
        this.deliveriesWaiting = deliveriesWaiting;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reminders");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void look() {
        try {
            int queued;
            do {
                queued = queueDue();
            } while (queued == BATCH);
        } catch (RuntimeException failure) {
            log.warn("reminders unreadable, trying again shortly: {}", failure.toString());
        }
    }

    /**
     * Claims the reminders due now and queues their messages.
     *
     * @return how many were queued
     */
    public int queueDue() {
        Instant now = clock.instant();
        int queued = store.inTransaction(tx -> {
            List<ActionItemTransaction.DueReminder> due = tx.actionItems().dueReminders(now, BATCH);
            int claimed = 0;
            for (ActionItemTransaction.DueReminder reminder : due) {
                Instant next = ReminderTimes.next(now, ReminderTimes.zone(reminder.zone()));
                if (tx.actionItems().claimReminder(reminder.itemId(), reminder.at(), next, now)) {
                    tx.enqueue(reminder.sessionId(), DeliveryKind.REMINDER, String.valueOf(reminder.itemId()), now);
                    claimed++;
                }
            }
            return claimed;
        });
        if (queued > 0) {
            log.info("queued {} reminders", queued);
            deliveriesWaiting.run();
        }
        return queued;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
