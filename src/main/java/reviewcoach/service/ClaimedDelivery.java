package reviewcoach.service;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery written into the outbox already claimed by this instance's courier, handed to it once its transaction
 * committed (see {@link Courier#take}).
 *
 * @param claimedUntil when its claim runs out, after which any courier may take it over
 */
public record ClaimedDelivery(Delivery delivery, Instant claimedUntil) {
    public ClaimedDelivery {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(claimedUntil, "claimedUntil");
    }
}
