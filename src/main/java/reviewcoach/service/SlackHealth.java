package reviewcoach.service;

import java.time.Instant;

/** What the service last learned about reaching Slack: from the start-up token check and from every delivery. */
public final class SlackHealth {

    /** Whether Slack answered the last time the service asked. */
    public enum State {
        UNKNOWN,
        REACHABLE,
        UNREACHABLE
    }

    private volatile State state = State.UNKNOWN;
    private volatile String lastError;
    private volatile Instant since;

    public void reachable(Instant now) {
        if (state != State.REACHABLE) {
            since = now;
        }
        state = State.REACHABLE;
        lastError = null;
    }

    public void unreachable(String error, Instant now) {
        if (state != State.UNREACHABLE) {
            since = now;
        }
        state = State.UNREACHABLE;
        lastError = error;
    }

    public State state() {
        return state;
    }

    /** Slack's error code or a short description of the last failure, or null. */
    public String lastError() {
        return lastError;
    }

    /** When the state last changed, or null while unknown. */
    public Instant since() {
        return since;
    }
}
