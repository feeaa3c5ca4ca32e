package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The courier against an outbox kept in memory (the JDBC outbox has its own tests): what it does when the outbox cannot
 * write down what became of a delivery. The sender is a mock, the one seam here that reaches Slack.
 */
class CourierTest {

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
     * Hands out {@code deliveries} deliveries of different sessions; the first {@code failing} settlements throw, as a
     * database that went away would. What it could not write stays claimed, as a real claim would until it runs out.
     */
    private static final class MemoryOutbox implements Outbox {
        private final Deque<Delivery> due = new ArrayDeque<>();
        private final List<Settlement> settled = new ArrayList<>();
        private int failing;
        final CountDownLatch settledAll;

        MemoryOutbox(int deliveries, int failing) {
            for (long id = 1; id <= deliveries; id++) {
                due.add(new Delivery(id, id, DeliveryKind.ACKNOWLEDGE, null, 0));
            }
            this.failing = failing;
            this.settledAll = new CountDownLatch(deliveries - failing);
        }

        synchronized List<Settlement> settled() {
            return List.copyOf(settled);
        }

        @Override
        public synchronized List<Delivery> claimDue(Instant now, int limit) {
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
