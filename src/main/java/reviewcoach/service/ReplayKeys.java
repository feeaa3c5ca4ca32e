package reviewcoach.service;

import java.util.Objects;

/**
 * The keys handled requests are remembered by ({@link SessionTransaction#claimEvent}): the second Slack sent the request,
 * as ten digits, then what identifies it among that second's requests (an event's id, a signature's digest). A retry
 * carries the same second and id, so it finds its key. Keys written later sort after earlier ones, so the database adds
 * each new key at the end of its index, where the previous commit already wrote, instead of rewriting a page anywhere
 * in it: with random ids first, each contribution's key cost its own page at every commit.
 */
public final class ReplayKeys {

    /** Seconds fit ten digits until the year 2286. */
    private static final int SECOND_DIGITS = 10;

    /** The longest id a key takes: the handled-events table keeps 64 characters per key. */
    public static final int MAX_ID_LENGTH = 64 - SECOND_DIGITS - 1;

    private ReplayKeys() {}

    /**
     * @param epochSecond the second Slack sent the request (an event's {@code event_time}, a request's signed timestamp);
     *     0 when it gave none, and clamped to ten digits
     * @param id what identifies the request within that second, at most {@link #MAX_ID_LENGTH} characters
     */
    public static String of(long epochSecond, String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("an id of 1 to " + MAX_ID_LENGTH + " characters, not " + id.length());
        }
        String second = Long.toString(Math.max(0, Math.min(epochSecond, 9_999_999_999L)));
        return "0".repeat(SECOND_DIGITS - second.length()) + second + ':' + id;
    }
}
