package reviewcoach.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which failures the fake still owes each method: queued one-shot failures first, then a standing one; thread-safe. */
final class FailurePlan {

    private final Map<String, Deque<Failure>> upcoming = new HashMap<>();
    private final Map<String, Failure> standing = new HashMap<>();

    synchronized void failNext(String method, int times, Failure failure) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1, was " + times);
        }
        Deque<Failure> queue = upcoming.computeIfAbsent(method, unused -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(failure);
        }
    }

    synchronized void failAlways(String method, Failure failure) {
        standing.put(method, failure);
    }

    /** Removes and returns the failure owed to this call of {@code method}, if any. */
    synchronized Optional<Failure> takeFor(String method) {
        Deque<Failure> queue = upcoming.get(method);
        if (queue != null && !queue.isEmpty()) {
            Failure next = queue.removeFirst();
            notifyAll();
            return Optional.of(next);
        }
        return Optional.ofNullable(standing.get(method));
    }

    /** Waits until every queued failure of {@code method} was handed to a call; false if the timeout passes first. */
    synchronized boolean awaitTaken(String method, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!upcoming.getOrDefault(method, new ArrayDeque<>()).isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized void clear() {
        upcoming.clear();
        standing.clear();
    }
}
