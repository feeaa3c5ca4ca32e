package reviewcoach.service;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Queues digests in the outbox. A weekly digest is claimed for its channel and week in the transaction that queues it,
 * so that it is queued once however many instances ask. Thread-safe.
 */
public interface DigestQueue {

    /**
     * Queues the digest of the week ending at {@code periodEnd} unless that week's digest for the channel was claimed
     * already.
     *
     * @return true when this call claimed and queued it
     */
    boolean claimWeek(DigestAddress to, LocalDate week, Instant periodEnd, Instant now);

    /** Queues a digest of the seven days up to {@code periodEnd}, asked for by a manager. */
    void queueNow(DigestAddress to, Instant periodEnd, Instant now);
}
