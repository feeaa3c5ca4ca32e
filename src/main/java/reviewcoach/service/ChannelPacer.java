package reviewcoach.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps new messages in one channel to Slack's sustained pace of about one per second, allowing a short burst (the
 * generic cell rate algorithm, one schedule per channel). Reactions and message updates are not counted. Thread-safe.
 *
 * @see <a href="https://docs.slack.dev/apis/web-api/rate-limits">Slack rate limits</a>
 */
public final class ChannelPacer {

    private final int burst;
    private final Duration interval;
    private static final Duration FORGET_SLOTS_AFTER = Duration.ofMinutes(10);

    private final Map<String, Instant> nextFree = new HashMap<>();
    /** The slot each waiting delivery booked, by delivery id. */
    private final Map<Long, Instant> booked = new HashMap<>();

    /**
     * @param burst how many messages may go at once before the pace applies
     * @param interval the sustained time between two messages in one channel
     */
    public ChannelPacer(int burst, Duration interval) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        this.burst = burst;
        this.interval = interval;
    }

    /** One message a second per channel, with bursts of up to five. */
    public static ChannelPacer slackDefault() {
        return new ChannelPacer(5, Duration.ofSeconds(1));
    }

    /**
     * The turn of one delivery: the first time it asks, it books the channel's next free slot; when it asks again (after
     * being put back to wait), it keeps that slot rather than booking another, so that messages waiting in a channel
     * go in the order they first asked, one slot each.
     *
     * @return zero when the delivery may go now; otherwise how long until its slot
     */
    public synchronized Duration turn(String channel, long deliveryId, Instant now) {
        Instant slot = booked.remove(deliveryId);
        if (slot == null) {
            Duration wait = reserve(channel, now);
            if (!wait.isZero()) {
                forgetLongPastSlots(now);
                booked.put(deliveryId, now.plus(wait));
            }
            return wait;
        }
        if (!slot.isAfter(now)) {
            return Duration.ZERO;
        }
        booked.put(deliveryId, slot);
        return Duration.between(now, slot);
    }

    /** Slots of deliveries that never came back (another instance sent them, or their session was deleted). */
    private void forgetLongPastSlots(Instant now) {
        if (booked.size() > 10_000) {
            booked.values().removeIf(slot -> slot.isBefore(now.minus(FORGET_SLOTS_AFTER)));
        }
    }

    /**
     * Reserves a slot for one new message in the channel.
     *
     * @return how long to wait before posting it; zero when it may go now
     */
    public synchronized Duration reserve(String channel, Instant now) {
        if (nextFree.size() > 1_000) {
            nextFree.values().removeIf(free -> free.isBefore(now));
        }
        Instant theoretical = nextFree.getOrDefault(channel, now);
        if (theoretical.isBefore(now)) {
            theoretical = now;
        }
        Instant sendAt = theoretical.minus(interval.multipliedBy(burst - 1L));
        nextFree.put(channel, theoretical.plus(interval));
        return sendAt.isAfter(now) ? Duration.between(now, sendAt) : Duration.ZERO;
    }
}
