package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims what is due, sends it oldest first and one at a time per session, retries what failed when
 * the {@link RetryPolicy} says, and resumes whatever was pending when the service last stopped. Couriers of several
 * instances may share one outbox; its claims keep them from sending the same delivery. Thread-safe.
 */
public final class Courier implements Handover, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Courier.class);
    /** Deliveries of different sessions sent at once; each session's own stay in order. */
    private static final int WORKERS = 4;

    private static final Duration IDLE_CHECK = Duration.ofSeconds(5);

    /**
     * While requests press, the least time between two deliveries the courier starts: at most fifty a second, far more
     * than Slack lets an app post or react in one workspace, and about a tenth of what a reaction costs the cores when
     * Slack answers at once. Also how often, at most, it asks again whether requests still press.
     */
    private static final long GIVE_WAY_SPACING_NANOS = Duration.ofMillis(20).toNanos();

    /**
     * Handed-over deliveries waiting for a worker, at most. Enough for the moments between two rounds of the loop when
     * the courier keeps up; when it falls behind, the rest wait in the outbox, as pending deliveries there rather than
     * as claims (a look for claims that ran out reads every claim).
     */
    static final int HANDED_LIMIT = 64;

    private final Outbox outbox;
    private final DeliverySender sender;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final ExecutorService workers;
    private final SlackHealth health;
    private final Thread loop;
    /** One permit for each worker with nothing to send. */
    private final Semaphore idle = new Semaphore(WORKERS);

    /**
     * Deliveries handed over as they were written ({@link #take}), already claimed by this courier: sent without a look
     * over the outbox. At most {@link #HANDED_LIMIT}, reserved ({@link #room}) before each was written.
     */
    private final Queue<ClaimedDelivery> handed = new ConcurrentLinkedQueue<>();
    /** One permit for each delivery the hand can still take, reserved or not. */
    private final Semaphore room = new Semaphore(HANDED_LIMIT);

    private final Object signal = new Object();
    /** Something was committed to the outbox since the loop last looked there (guarded by {@link #signal}). */
    private boolean outboxWork = true;
    /** A delivery was handed over or a worker became free since the loop last waited (guarded by {@link #signal}). */
    private boolean nudged;
    /**
     * When the loop looks in the outbox next without being told to: once the soonest delivery there is due, and at least
     * every {@link #IDLE_CHECK} (loop thread only).
     */
    private Instant nextLook = Instant.MIN;
    /** Whether {@link #nextLook} was read from the outbox, or only a guess until the loop is next idle. */
    private boolean nextLookAsked;
    /** Whether the loop's next round takes from the outbox before the hand (loop thread only). */
    private boolean outboxFirst = true;

    private volatile boolean running = true;
    /** Whether requests press for the cores and the database now (see {@link #giveWayWhile}). */
    private volatile BooleanSupplier requestsPress = () -> false;
    /** When the loop last started a delivery while requests pressed ({@link System#nanoTime}; loop thread only). */
    private long lastStartedGivingWay = System.nanoTime() - GIVE_WAY_SPACING_NANOS;

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

    /**
     * While {@code requestsPress} says so, sends one delivery at a time rather than one on each worker, and at most fifty
     * a second: Slack wants each request answered within three seconds, and answers a late one by sending it again,
     * while what the courier sends can wait its turn. On a machine whose cores a burst of requests keeps busy, the four
     * workers sending reactions (each its claim or hand-over, a read, Slack's call and its settling) took about a third
     * of what the requests could have had (docs/BENCHMARKS.md, stop 24). Giving way, it never stops: what is owed still
     * goes, more slowly, until the burst is over. Called once, before {@link #start}.
     */
    public void giveWayWhile(BooleanSupplier requestsPress) {
        this.requestsPress = requestsPress;
    }

    /** Says that new deliveries were committed to the outbox; the courier looks there at once. */
    public void wake() {
        synchronized (signal) {
            outboxWork = true;
            signal.notifyAll();
        }
    }

    @Override
    public boolean reserve() {
        return room.tryAcquire();
    }

    @Override
    public void release(int reserved) {
        room.release(reserved);
    }

    /**
     * Takes deliveries that were written into the outbox already claimed by this courier, once their transaction has
     * committed, and sends them as soon as a worker is free, without looking for them in the outbox: a reaction costs
     * its insert and its settling, not a claim's two looks, lock and update besides. What this courier has not sent when
     * it stops is taken over when its claim runs out, or at its restart ({@link #start}).
     */
    @Override
    public void take(List<ClaimedDelivery> deliveries) {
        handed.addAll(deliveries);
        nudge();
    }

    /** Tells the loop a worker is free or a delivery was handed over, without asking it to look in the outbox. */
    private void nudge() {
        synchronized (signal) {
            nudged = true;
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
                // The outbox and the hand go first in turn: while both have work, each has at least every other
                // worker, so neither a stream of reactions handed over nor a backlog in the outbox holds the other up.
                int free = 1 + idle.drainPermits();
                if (requestsPress.getAsBoolean()) { // one at a time, fifty a second at most: see giveWayWhile
                    long sinceLast = System.nanoTime() - lastStartedGivingWay;
                    if (free < WORKERS || sinceLast < GIVE_WAY_SPACING_NANOS) {
                        idle.release(free);
                        waitForAWorker(Math.max(1, GIVE_WAY_SPACING_NANOS - sinceLast));
                        continue;
                    }
                    idle.release(free - 1);
                    free = 1;
                    lastStartedGivingWay = System.nanoTime();
                }
                List<Delivery> due = new ArrayList<>(free);
                if (outboxFirst) {
                    claimFromOutbox(due, free);
                    takeHanded(due, free);
                } else {
                    takeHanded(due, free);
                    claimFromOutbox(due, free);
                }
                outboxFirst = !outboxFirst;
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
                lookAgain(Duration.ZERO, false); // after the pause, whatever the loop was told meanwhile
                pause(Duration.ofSeconds(1));
            }
        }
    }

    /** Adds to {@code due} what the outbox has due, until {@code free} workers have one, if it is time to look there. */
    private void claimFromOutbox(List<Delivery> due, int free) {
        int wanted = free - due.size();
        if (wanted > 0 && timeToLookInOutbox()) {
            List<Delivery> claimed;
            try {
                claimed = outbox.claimDue(clock.instant(), wanted);
            } catch (RuntimeException failure) {
                // What the round took from the hand still goes; the outbox is looked at again shortly.
                log.warn("outbox unreadable, trying again shortly: {}", failure.toString());
                lookAgain(Duration.ofSeconds(1), false);
                return;
            }
            due.addAll(claimed);
            lookAgain(claimed.size() == wanted ? Duration.ZERO : IDLE_CHECK, false); // all it asked for: more may wait
        }
    }

    /** Whether the loop should claim from the outbox now: it was told of new work there, or something there is due. */
    private boolean timeToLookInOutbox() {
        synchronized (signal) {
            boolean told = outboxWork;
            outboxWork = false;
            return told || !clock.instant().isBefore(nextLook);
        }
    }

    private void lookAgain(Duration after, boolean asked) {
        nextLook = clock.instant().plus(after);
        nextLookAsked = asked;
    }

    /**
     * Adds handed-over deliveries to {@code due} until {@code free} workers have one. One whose claim has run out is
     * left to be taken over from the outbox, where another courier may have it already.
     */
    private void takeHanded(List<Delivery> due, int free) {
        Instant now = clock.instant();
        ClaimedDelivery next;
        while (due.size() < free && (next = handed.poll()) != null) {
            room.release();
            if (next.claimedUntil().isAfter(now)) {
                due.add(next.delivery());
            } else {
                lookAgain(Duration.ZERO, false);
            }
        }
    }

    /** Sends one delivery on a free worker and settles it, then frees the worker and looks for more at once. */
    private void dispatch(Delivery delivery) {
        workers.execute(() -> {
            Settlement settlement = null;
            try {
                settlement = deliver(delivery);
                settle(delivery, settlement);
            } finally {
                idle.release();
                if (settlement != null && changesNothingElse(delivery, settlement)) {
                    nudge();
                } else {
                    wake();
                }
            }
        });
    }

    /**
     * True when settling a delivery gave the outbox nothing new to send: it was sent, and was no session's turn (a
     * reaction). Otherwise the next in its session's queue may be due, or it waits to go again.
     */
    private static boolean changesNothingElse(Delivery delivery, Settlement settlement) {
        return settlement.outcome() == Settlement.Outcome.SENT
                && !delivery.kind().waitsItsTurn();
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

    /**
     * Waits until something is committed to the outbox or handed over, a worker is free, or the outbox's soonest
     * delivery is due (asked of the outbox only after the loop looked there, and at least every {@link #IDLE_CHECK}).
     */
    private void sleepUntilWorkOrDue() throws InterruptedException {
        Instant now = clock.instant();
        if (!nextLookAsked) {
            Instant due = outbox.nextDue().orElse(Instant.MAX);
            lookAgain(due.isBefore(now.plus(IDLE_CHECK)) ? Duration.between(now, due) : IDLE_CHECK, true);
        }
        Duration wait = Duration.between(now, nextLook);
        synchronized (signal) {
            if (!outboxWork && !nudged && running && !wait.isNegative() && !wait.isZero()) {
                signal.wait(Math.max(1, wait.toMillis()));
            }
            nudged = false;
        }
    }

    /** Waits until a worker is free again, or {@code nanos} have passed (requests may no longer press). */
    private void waitForAWorker(long nanos) throws InterruptedException {
        synchronized (signal) {
            if (!nudged && running) {
                TimeUnit.NANOSECONDS.timedWait(signal, nanos);
            }
            nudged = false;
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
