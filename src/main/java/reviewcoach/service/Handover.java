package reviewcoach.service;

import java.util.List;

/**
 * Where a store hands the deliveries it writes already claimed for this instance's courier, to be sent without the
 * courier looking for them in the outbox. Room is reserved before a delivery is written claimed, so the courier never
 * holds more than it can keep; without room, a delivery waits in the outbox to be claimed like any other. Thread-safe.
 */
public interface Handover {

    /** Reserves room for one delivery; false when the courier's hand is full. */
    boolean reserve();

    /** Gives back room reserved for deliveries that will not be handed over (their transaction did not commit). */
    void release(int reserved);

    /** Hands over deliveries room was reserved for, once the transaction that wrote them has committed. */
    void take(List<ClaimedDelivery> deliveries);
}
