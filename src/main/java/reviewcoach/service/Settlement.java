package reviewcoach.service;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a delivery a courier claimed, to be written into the outbox: sent, to be tried again, put back to
 * wait for its channel, or given up.
 *
 * @param notBefore when a delivery tried again or put back may go next; null otherwise
 * @param error why the last attempt failed; null when it did not
 */
public record Settlement(long deliveryId, Outcome outcome, Instant notBefore, String error) {

    /** What became of it. */
    public enum Outcome {
        /** Sent: nothing more is owed, and its session's next message may go. */
        SENT,
        /** Failed for now: pending again from {@code notBefore}, with the attempt counted. */
        RETRY_LATER,
        /** Not sent, as its channel's pace asked: pending again from {@code notBefore}, no attempt counted. */
        POSTPONED,
        /** Given up: kept for the record, and its session's next message may go. */
        FAILED;

        /** True when the delivery leaves its session's turn to the next message. */
        public boolean passesTheTurnOn() {
            return this == SENT || this == FAILED;
        }
    }

    public Settlement {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.RETRY_LATER || outcome == Outcome.POSTPONED) != (notBefore != null)) {
            throw new IllegalArgumentException(outcome + " takes a time to go next exactly when it waits");
        }
    }

    public static Settlement sent(long deliveryId) {
        return new Settlement(deliveryId, Outcome.SENT, null, null);
    }

    public static Settlement retryLater(long deliveryId, Instant notBefore, String error) {
        return new Settlement(deliveryId, Outcome.RETRY_LATER, notBefore, error);
    }

    public static Settlement postponed(long deliveryId, Instant notBefore) {
        return new Settlement(deliveryId, Outcome.POSTPONED, notBefore, null);
    }

    public static Settlement failed(long deliveryId, String error) {
        return new Settlement(deliveryId, Outcome.FAILED, null, error);
    }
}
