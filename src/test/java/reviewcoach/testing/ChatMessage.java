package reviewcoach.testing;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A message someone wrote in a channel, top-level or in a thread, that {@link MessageEvents} turns into events;
 * immutable, with {@link TestWorkspace} defaults.
 *
 * <p>Unless set, {@code ts} is a fresh value, unique in this JVM and increasing, starting at {@code 1700000600.000100}
 * (ten minutes after the fake's first posted message); set it when a test needs a particular order.
 */
public record ChatMessage(String channel, String user, String text, String ts, String threadTs) {

    private static final long FIRST_TS_MICROS = 1_700_000_600_000_100L;
    private static final AtomicLong NEXT_TS_MICROS = new AtomicLong(FIRST_TS_MICROS);

    public ChatMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ts, "ts");
    }

    /** A new top-level message by the default user in the default channel. */
    public static ChatMessage topLevel(String text) {
        return new ChatMessage(TestWorkspace.CHANNEL_ID, TestWorkspace.USER_ID, text, nextTs(), null);
    }

    /** A new reply by the default user in the thread whose parent has {@code threadTs}, in the default channel. */
    public static ChatMessage reply(String threadTs, String text) {
        return new ChatMessage(TestWorkspace.CHANNEL_ID, TestWorkspace.USER_ID, text, nextTs(), threadTs);
    }

    public ChatMessage withChannel(String newChannel) {
        return new ChatMessage(newChannel, user, text, ts, threadTs);
    }

    public ChatMessage withUser(String newUser) {
        return new ChatMessage(channel, newUser, text, ts, threadTs);
    }

    public ChatMessage withText(String newText) {
        return new ChatMessage(channel, user, newText, ts, threadTs);
    }

    public ChatMessage withTs(String newTs) {
        return new ChatMessage(channel, user, text, newTs, threadTs);
    }

    /** A copy in the thread of {@code newThreadTs}, or top-level if null. */
    public ChatMessage withThreadTs(String newThreadTs) {
        return new ChatMessage(channel, user, text, ts, newThreadTs);
    }

    /** True if this message is a reply in a thread. */
    public boolean inThread() {
        return threadTs != null;
    }

    /** A fresh message timestamp from the same increasing sequence as the defaults. */
    public static String nextTs() {
        long micros = NEXT_TS_MICROS.getAndAdd(100);
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }
}
