package reviewcoach.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import reviewcoach.testing.FakeSlackApi.Call;

/** The calls the fake has received, in arrival order, with ways to wait for more; thread-safe. */
final class CallLog {

    private static final int LISTED_VALUE_LENGTH = 80;

    private final List<Call> calls = new ArrayList<>();
    private long lastRecordedNanos = System.nanoTime();

    synchronized void record(Call call) {
        calls.add(call);
        lastRecordedNanos = System.nanoTime();
        notifyAll();
    }

    synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    synchronized List<Call> of(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    synchronized Optional<Call> last(String method) {
        List<Call> matching = of(method);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    synchronized void clear() {
        calls.clear();
        lastRecordedNanos = System.nanoTime();
    }

    synchronized List<Call> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (of(method).size() < count) {
            if (!waitUntil(deadline)) {
                throw new AssertionError(String.format(
                        "Expected %d call(s) to %s within %s but got %d.%n%s",
                        count, method, timeout, of(method).size(), listing()));
            }
        }
        return of(method);
    }

    synchronized void awaitQuiet(Duration quietFor, Duration timeout) {
        if (quietFor.compareTo(timeout) > 0) {
            throw new IllegalArgumentException("timeout " + timeout + " must be at least quietFor " + quietFor);
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            long quietUntil = Math.max(start, lastRecordedNanos) + quietFor.toNanos();
            if (System.nanoTime() - quietUntil >= 0) {
                return;
            }
            if (quietUntil - deadline > 0) {
                throw new AssertionError(String.format(
                        "The fake Slack API did not go quiet for %s within %s.%n%s", quietFor, timeout, listing()));
            }
            waitUntil(quietUntil);
        }
    }

    /** Waits for a new call or the deadline; false once the deadline has passed. */
    private boolean waitUntil(long deadlineNanos) {
        long remainingNanos = deadlineNanos - System.nanoTime();
        if (remainingNanos <= 0) {
            return false;
        }
        try {
            wait(Math.max(1, remainingNanos / 1_000_000));
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for Slack API calls", interrupted);
        }
    }

    private String listing() {
        if (calls.isEmpty()) {
            return "No calls arrived at all.";
        }
        String newLine = System.lineSeparator() + "  ";
        return calls.stream()
                .map(CallLog::describe)
                .collect(Collectors.joining(newLine, "Calls received (" + calls.size() + "):" + newLine, ""));
    }

    private static String describe(Call call) {
        String params = call.params().entrySet().stream()
                .map(param -> param.getKey() + "=" + abbreviate(param.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return call.at() + " " + call.method() + " -> " + call.status() + " " + params;
    }

    private static String abbreviate(String value) {
        return value.length() <= LISTED_VALUE_LENGTH ? value : value.substring(0, LISTED_VALUE_LENGTH) + "…";
    }
}
