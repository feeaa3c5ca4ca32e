package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The courier against an outbox kept in memory (the JDBC outbox has its own tests): what it does when the outbox cannot
 * write down what became of a delivery. The sender is a mock, the one seam here that reaches Slack.
 */
class CourierTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    /** Still: a claim handed over never runs out while a test runs, and the courier's idle check never comes. */
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Test
    void aSettlementTheOutboxCannotWriteFreesItsWorkerAndTheCourierGoesOn() throws Exception {
        // More failed settlements than the courier has workers: a worker kept by a failure would stop it for good.
        MemoryOutbox outbox = new MemoryOutbox(12, 6);
        Courier courier = new Courier(
                outbox, mock(DeliverySender.class), RetryPolicy.standard(), Clock.systemUTC(), new SlackHealth());
        courier.start();
        try {
            courier.wake();
            assertTrue(outbox.settledAll.await(10, TimeUnit.SECONDS), "settled: " + outbox.settled());
        } finally {
            courier.close();
        }
        assertEquals(6, outbox.settled().size(), "the six whose settlement went through");
        assertTrue(outbox.settled().stream().allMatch(s -> s.outcome() == Settlement.Outcome.SENT));
    }

    /**
     * Deliveries handed over as they were written go to the sender without the courier looking in the outbox: one look
     * at the start, none for the forty reactions or after sending them.
     */
    @Test
    void handedDeliveriesAreSentWithoutALookInTheOutbox() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(0, 0, 40);
        DeliverySender sender = mock(DeliverySender.class);
        Courier courier = started(outbox, sender);
        try {
            courier.take(reactions(1, 40, NOW.plus(LEASE)));
            assertTrue(outbox.settledAll.await(10, TimeUnit.SECONDS), "settled: " + outbox.settled());
        } finally {
            courier.close();
        }
        verify(sender, times(40)).send(any());
        assertEquals(
                40,
                outbox.settled().stream()
                        .filter(s -> s.outcome() == Settlement.Outcome.SENT)
                        .count());
        assertEquals(1, outbox.claims(), "the outbox is looked in once, at the start");
    }

    /** Work committed to the outbox still goes while reactions are handed over, and before them. */
    @Test
    void aWakeStillHasTheCourierLookInTheOutbox() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(0, 0, 11);
        Courier courier = started(outbox, mock(DeliverySender.class));
        try {
            courier.take(reactions(1, 10, NOW.plus(LEASE)));
            outbox.owe(new Delivery(100, 100, DeliveryKind.PROMPT, "THOUGHT", 0));
            courier.wake();
            assertTrue(outbox.settledAll.await(10, TimeUnit.SECONDS), "settled: " + outbox.settled());
        } finally {
            courier.close();
        }
        assertTrue(outbox.settled().stream().anyMatch(s -> s.deliveryId() == 100), "the prompt went");
    }

    /** While both have work, the hand and the outbox take turns: a backlog in the outbox does not hold the hand up. */
    @Test
    void aBacklogInTheOutboxDoesNotHoldUpWhatIsHanded() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(200, 0, 210);
        CountDownLatch slack = new CountDownLatch(1);
        DeliverySender sender = mock(DeliverySender.class);
        doAnswer(call -> slack.await(10, TimeUnit.SECONDS)).when(sender).send(any());
        Courier courier = started(outbox, sender);
        try {
            courier.take(reactions(1001, 1010, NOW.plus(LEASE)));
            slack.countDown();
            assertTrue(
                    outbox.settledAll.await(10, TimeUnit.SECONDS),
                    "settled: " + outbox.settled().size());
        } finally {
            courier.close();
        }
        List<Long> order = outbox.settled().stream().map(Settlement::deliveryId).toList();
        assertTrue(
                order.subList(0, 40).containsAll(List.of(1001L, 1005L, 1010L)),
                "the handed ones went among the first forty of 210: " + order);
    }

    /** A handed delivery whose claim ran out before a worker was free is left to be taken over from the outbox. */
    @Test
    void aHandedDeliveryWhoseClaimRanOutIsLeftToTheOutbox() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(0, 0, 1);
        DeliverySender sender = mock(DeliverySender.class);
        Courier courier = started(outbox, sender);
        try {
            assertTrue(outbox.lookedAtLeast(1, 10), "the courier's first look, at its start");
            outbox.owe(new Delivery(1, 1, DeliveryKind.ACKNOWLEDGE, "1.1", 1)); // as its taken-over claim
            courier.take(reactions(1, 1, NOW));
            assertTrue(outbox.settledAll.await(10, TimeUnit.SECONDS));
        } finally {
            courier.close();
        }
        verify(sender, times(1)).send(any());
        assertTrue(outbox.claims() >= 2, "looked in the outbox again for it: " + outbox.claims());
    }

    /** The hand holds what room was reserved for; room comes back as deliveries leave it for a worker. */
    @Test
    void theCouriersHandHasRoomForWhatItCanKeep() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(0, 0, Courier.HANDED_LIMIT + 1);
        Courier courier =
                new Courier(outbox, mock(DeliverySender.class), RetryPolicy.standard(), CLOCK, new SlackHealth());
        for (int i = 0; i < Courier.HANDED_LIMIT; i++) {
            assertTrue(courier.reserve());
        }
        assertFalse(courier.reserve(), "full");
        courier.release(1);
        assertTrue(courier.reserve(), "room given back by a transaction that did not commit");
        courier.take(reactions(1, Courier.HANDED_LIMIT, NOW.plus(LEASE)));
        assertFalse(courier.reserve(), "still full: nothing sent yet");

        courier.start();
        try {
            assertTrue(
                    outbox.sentAll(Courier.HANDED_LIMIT, 20),
                    "sent: " + outbox.sent().size());
            assertTrue(courier.reserve(), "room again once they left the hand");
        } finally {
            courier.close();
        }
    }

    /**
     * While requests press, one delivery at a time goes, the next no sooner than 20 ms after the one before, and all of
     * them go; otherwise several at once.
     */
    @Test
    void whileRequestsPressItSendsOneAtATimeAndAtMostFiftyASecond() throws Exception {
        Sends givingWay = send24(true);
        assertEquals(1, givingWay.mostAtOnce());
        assertTrue(
                givingWay.lastStartedAfter().toMillis() >= 23 * 20,
                "the 24th started " + givingWay.lastStartedAfter() + " after the courier did");
        assertTrue(send24(false).mostAtOnce() > 1, "several workers send when nothing presses");
    }

    /** How many deliveries were at Slack at once, at most, and when the last started, after the courier did. */
    private record Sends(int mostAtOnce, Duration lastStartedAfter) {}

    /** Sends 24 deliveries, each taking a moment at Slack. */
    private static Sends send24(boolean requestsPress) throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(24, 0);
        AtomicInteger atSlack = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicLong lastStart = new AtomicLong();
        DeliverySender sender = mock(DeliverySender.class);
        doAnswer(call -> {
                    lastStart.set(System.nanoTime());
                    most.accumulateAndGet(atSlack.incrementAndGet(), Math::max);
                    Thread.sleep(5);
                    atSlack.decrementAndGet();
                    return null;
                })
                .when(sender)
                .send(any());
        Courier courier = new Courier(outbox, sender, RetryPolicy.standard(), CLOCK, new SlackHealth());
        courier.giveWayWhile(() -> requestsPress);
        long started = System.nanoTime();
        courier.start();
        try {
            assertTrue(
                    outbox.settledAll.await(10, TimeUnit.SECONDS),
                    "settled: " + outbox.settled().size());
        } finally {
            courier.close();
        }
        return new Sends(most.get(), Duration.ofNanos(lastStart.get() - started));
    }

    /** A courier over {@code outbox} on the still clock, started. */
    private static Courier started(Outbox outbox, DeliverySender sender) {
        Courier courier = new Courier(outbox, sender, RetryPolicy.standard(), CLOCK, new SlackHealth());
        courier.start();
        return courier;
    }

    private static List<ClaimedDelivery> reactions(long first, long last, Instant claimedUntil) {
        List<ClaimedDelivery> reactions = new ArrayList<>();
        for (long id = first; id <= last; id++) {
            reactions.add(
                    new ClaimedDelivery(new Delivery(id, id, DeliveryKind.ACKNOWLEDGE, "1." + id, 0), claimedUntil));
        }
        return reactions;
    }

    /**
     * Hands out {@code deliveries} deliveries of different sessions; the first {@code failing} settlements throw, as a
     * database that went away would. What it could not write stays claimed, as a real claim would until it runs out.
     */
    private static final class MemoryOutbox implements Outbox {
        private final Deque<Delivery> due = new ArrayDeque<>();
        private final List<Settlement> settled = new ArrayList<>();
        private int failing;
        private int claims;
        final CountDownLatch settledAll;

        MemoryOutbox(int deliveries, int failing) {
            this(deliveries, failing, deliveries - failing);
        }

        /** As above, {@link #settledAll} counting down {@code settlements} settlements. */
        MemoryOutbox(int deliveries, int failing, int settlements) {
            for (long id = 1; id <= deliveries; id++) {
                due.add(new Delivery(id, id, DeliveryKind.ACKNOWLEDGE, null, 0));
            }
            this.failing = failing;
            this.settledAll = new CountDownLatch(settlements);
        }

        synchronized void owe(Delivery delivery) {
            due.add(delivery);
        }

        synchronized List<Settlement> settled() {
            return List.copyOf(settled);
        }

        synchronized int claims() {
            return claims;
        }

        synchronized Set<Long> sent() {
            return settled.stream()
                    .filter(s -> s.outcome() == Settlement.Outcome.SENT)
                    .map(Settlement::deliveryId)
                    .collect(Collectors.toSet());
        }

        /** Waits up to {@code seconds} for the courier to have looked in this outbox {@code count} times. */
        boolean lookedAtLeast(int count, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (claims() < count && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            return claims() >= count;
        }

        /** Waits up to {@code seconds} for deliveries 1 to {@code count} to be sent. */
        boolean sentAll(int count, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (sent().size() < count && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            return sent().size() == count;
        }

        @Override
        public synchronized List<Delivery> claimDue(Instant now, int limit) {
            claims++;
            List<Delivery> claimed = new ArrayList<>();
            while (claimed.size() < limit && !due.isEmpty()) {
                claimed.add(due.poll());
            }
            return claimed;
        }

        @Override
        public int releaseClaims() {
            return 0;
        }

        @Override
        public synchronized Optional<Instant> nextDue() {
            return due.isEmpty() ? Optional.empty() : Optional.of(Instant.EPOCH);
        }

        @Override
        public synchronized boolean settle(Settlement settlement) {
            if (failing > 0) {
                failing--;
                throw new IllegalStateException("the database went away");
            }
            settled.add(settlement);
            settledAll.countDown();
            return true;
        }
    }
}
