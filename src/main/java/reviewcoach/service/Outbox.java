package reviewcoach.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The persistent queue of messages owed to Slack; what is written here survives a crash. Several couriers (one per
 * service instance) may drain one outbox: each holds a claim on what it sends, so every delivery goes to one courier at
 * a time, and a session's deliveries go out one after another, oldest first. Thread-safe.
 */
public interface Outbox {

    /**
     * Claims what this courier should send now: for each session with nothing being sent, its oldest pending delivery
     * when it is due by {@code now}, or the one whose claim ran out because its courier stopped (looked for every few
     * seconds, not at every claim: see {@link #nextDue}). A claimed delivery
     * stays this courier's until it is settled ({@link #markSent}, {@link #retryLater}, {@link #markFailed}) or its
     * claim runs out.
     */
    List<Delivery> claimDue(Instant now, int limit);

    /**
     * Gives back what this courier had claimed when it last stopped, so that a restart resumes it at once instead of
     * waiting for the claims to run out; an interrupted delivery counts as a failed attempt.
     *
     * @return how many deliveries were given back
     */
    int releaseClaims();

    /**
     * When the oldest delivery of some session is next due, or a claim that runs out is next looked for, if any is
     * pending or being sent.
     */
    Optional<Instant> nextDue();

    /**
     * Writes down what became of a delivery this courier claimed.
     *
     * @return false when this courier's claim had run out and another courier took the delivery over
     */
    boolean settle(Settlement settlement);

    /** Settles a claimed delivery as sent, which removes it: nothing more is owed; false as for {@link #settle}. */
    default boolean markSent(long deliveryId) {
        return settle(Settlement.sent(deliveryId));
    }

    /** Settles a claimed delivery as pending again from {@code notBefore}; false as for {@link #settle}. */
    default boolean retryLater(long deliveryId, Instant notBefore, String error) {
        return settle(Settlement.retryLater(deliveryId, notBefore, error));
    }

    /**
     * Puts a claimed delivery back to be sent from {@code notBefore}, as it was before it was claimed: no attempt is
     * counted and no error kept. False as for {@link #settle}.
     */
    default boolean postpone(long deliveryId, Instant notBefore) {
        return settle(Settlement.postponed(deliveryId, notBefore));
    }

    /** Settles a claimed delivery as given up; false as for {@link #settle}. */
    default boolean markFailed(long deliveryId, String error) {
        return settle(Settlement.failed(deliveryId, error));
    }
}
