package reviewcoach.service;

import java.time.Duration;
import java.util.Objects;

/**
 * A delivery may not go yet because its channel has had its share of new messages for now; it is put back to go after
 * {@link #waitFor()}, and its worker is free for other sessions' messages in the meantime. Not a failure: it costs no
 * attempt and says nothing about Slack's health.
 */
public final class NotYourTurn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Duration waitFor;

    public NotYourTurn(Duration waitFor) {
        super("the channel's pace says wait " + waitFor.toMillis() + " ms", null, false, false);
        this.waitFor = Objects.requireNonNull(waitFor, "waitFor");
    }

    public Duration waitFor() {
        return waitFor;
    }
}
