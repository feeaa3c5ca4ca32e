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
    private final Map<String, Instant> nextFree = new HashMap<>();

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
