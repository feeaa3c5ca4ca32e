package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims what is due, sends it oldest first and one at a time per session, retries what failed when
 * the {@link RetryPolicy} says, and resumes whatever was pending when the service last stopped. Couriers of several
 * instances may share one outbox; its claims keep them from sending the same delivery. Thread-safe.
 */
public final class Courier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Courier.class);
    /** Deliveries of different sessions sent at once; each session's own stay in order. */
    private static final int WORKERS = 4;

    private static final Duration IDLE_CHECK = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final DeliverySender sender;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final ExecutorService workers;
    private final SlackHealth health;
    private final Thread loop;
    /** One permit for each worker with nothing to send. */
    private final Semaphore idle = new Semaphore(WORKERS);

    private final Object signal = new Object();
    private boolean workWaiting;
    private volatile boolean running = true;

    public Courier(Outbox outbox, DeliverySender sender, RetryPolicy retryPolicy, Clock clock, SlackHealth health) {
        this.health = health;
        this.outbox = outbox;
        this.sender = sender;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "courier-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new Thread(this::run, "courier");
        this.loop.setDaemon(true);
    }

    /** Takes back what this courier was sending when it last stopped, then starts sending. */
    public void start() {
        int resumed = outbox.releaseClaims();
        if (resumed > 0) {
            log.info("resuming {} deliveries that were being sent when the service stopped", resumed);
        }
        loop.start();
    }

    /** Says that new deliveries were committed; the courier looks at once. */
    public void wake() {
        synchronized (signal) {
            workWaiting = true;
            signal.notifyAll();
        }
    }

    /** Stops taking new work, lets the deliveries in flight finish, and returns. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            loop.join(Duration.ofSeconds(30).toMillis());
            workers.shutdown();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                // Claim only what a free worker can start now (a claim's lease runs from the moment it is taken), and
                // claim again as soon as any worker is free: one slow call never holds back other sessions' messages.
                if (!idle.tryAcquire(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                int free = 1 + idle.drainPermits();
                List<Delivery> due = claim(free);
                idle.release(free - due.size());
                if (due.isEmpty()) {
                    sleepUntilWorkOrDue();
                } else {
                    due.forEach(this::dispatch);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                log.warn("outbox unreadable, trying again shortly: {}", failure.toString());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    /** Claims up to {@code free} due deliveries; on failure the workers it would have used are free again. */
    private List<Delivery> claim(int free) {
        try {
            return outbox.claimDue(clock.instant(), free);
        } catch (RuntimeException failure) {
            idle.release(free);
            throw failure;
        }
    }

    /** Sends one delivery on a free worker and settles it, then frees the worker and looks for more at once. */
    private void dispatch(Delivery delivery) {
        workers.execute(() -> {
            try {
                settle(delivery, deliver(delivery));
            } finally {
                idle.release();
                wake();
            }
        });
    }

    /** Sends one delivery and says what became of it. */
    private Settlement deliver(Delivery delivery) {
        try {
            sender.send(delivery);
            health.reachable(clock.instant());
            return Settlement.sent(delivery.id());
        } catch (NotYourTurn paced) {
            return Settlement.postponed(delivery.id(), clock.instant().plus(paced.waitFor()));
        } catch (DeliveryFailure failure) {
            return settlementOf(delivery, failure);
        } catch (RuntimeException failure) {
            return settlementOf(
                    delivery,
                    DeliveryFailure.transientFailure(failure.getClass().getSimpleName(), failure));
        }
    }

    private Settlement settlementOf(Delivery delivery, DeliveryFailure failure) {
        if (failure.kind() == DeliveryFailure.Kind.PERMANENT) {
            health.reachable(clock.instant());
        } else {
            health.unreachable(failure.error(), clock.instant());
        }
        Optional<Instant> retryAt = retryPolicy.nextAttempt(delivery.attempts(), failure, clock.instant());
        if (retryAt.isPresent()) {
            log.warn(
                    "session={} delivery={} kind={} failed ({}), retrying at {}",
                    delivery.sessionId(),
                    delivery.id(),
                    delivery.kind(),
                    failure.error(),
                    retryAt.get());
            return Settlement.retryLater(delivery.id(), retryAt.get(), failure.error());
        }
        log.error(
                "session={} delivery={} kind={} failed ({}), giving up after {} attempts",
                delivery.sessionId(),
                delivery.id(),
                delivery.kind(),
                failure.error(),
                delivery.attempts() + 1);
        return Settlement.failed(delivery.id(), failure.error());
    }

    /**
     * Writes down what became of a delivery. When the outbox cannot be written, the delivery's claim runs out and it is
     * sent again.
     */
    private void settle(Delivery delivery, Settlement settlement) {
        try {
            warnIfTakenOver(delivery, !outbox.settle(settlement));
        } catch (RuntimeException failure) {
            log.warn(
                    "session={} delivery={} kind={}: could not record it as {} ({}); it goes again when its claim runs"
                            + " out",
                    delivery.sessionId(),
                    delivery.id(),
                    delivery.kind(),
                    settlement.outcome(),
                    failure.toString());
        }
    }

    private static void warnIfTakenOver(Delivery delivery, boolean takenOver) {
        if (takenOver) {
            log.warn(
                    "session={} delivery={} kind={} took longer than its claim; another instance took it over and may"
                            + " send it again",
                    delivery.sessionId(),
                    delivery.id(),
                    delivery.kind());
        }
    }

    private void sleepUntilWorkOrDue() throws InterruptedException {
        Instant now = clock.instant();
        Duration wait = outbox.nextDue()
                .map(due -> Duration.between(now, due))
                .filter(until -> until.compareTo(IDLE_CHECK) < 0)
                .orElse(IDLE_CHECK);
        synchronized (signal) {
            if (!workWaiting && running && !wait.isNegative() && !wait.isZero()) {
                signal.wait(Math.max(1, wait.toMillis()));
            }
            workWaiting = false;
        }
    }

    private void pause(Duration duration) {
        synchronized (signal) {
            try {
                signal.wait(duration.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
