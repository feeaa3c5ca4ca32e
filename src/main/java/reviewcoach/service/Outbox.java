package reviewcoach.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The persistent queue of messages owed to Slack; what is written here survives a crash. Thread-safe. */
public interface Outbox {

    /** For each session with pending deliveries, its oldest one, when that one is due by {@code now}. */
    List<Delivery> dueHeads(Instant now, int limit);

    /** When the next pending delivery is due, if any is pending. */
    Optional<Instant> nextDue();

    void markSent(long deliveryId);

    void retryLater(long deliveryId, Instant notBefore, String error);

    void markFailed(long deliveryId, String error);
}
