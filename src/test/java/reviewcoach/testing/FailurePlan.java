package reviewcoach.testing;

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
            return Optional.of(queue.removeFirst());
        }
        return Optional.ofNullable(standing.get(method));
    }

    synchronized void clear() {
        upcoming.clear();
        standing.clear();
    }
}
