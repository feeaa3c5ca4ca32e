package reviewcoach.service;

import java.time.Instant;

/** What the service knows about its Socket Mode connection to Slack, for {@code /healthz} and the logs; thread-safe. */
public final class SocketModeHealth {

    /** Where the connection stands. */
    public enum State {
        /** Asking Slack for a first connection. */
        CONNECTING,
        /** Connected: Slack's events, commands and button presses reach the service. */
        CONNECTED,
        /** The connection dropped or Slack asked for a new one; trying again with backoff. */
        RECONNECTING,
        /** Closed on purpose, at shutdown. */
        STOPPED
    }

    private State state = State.CONNECTING;
    private String lastError;
    private Instant since;
    private int failedAttempts;

    public synchronized void connecting(Instant now) {
        change(State.CONNECTING, now);
    }

    public synchronized void connected(Instant now) {
        change(State.CONNECTED, now);
        lastError = null;
        failedAttempts = 0;
    }

    /** The connection was lost, or an attempt to get one failed with a short error (a Slack error code, never content). */
    public synchronized void reconnecting(String error, Instant now) {
        change(State.RECONNECTING, now);
        if (error != null) {
            lastError = error;
            failedAttempts++;
        }
    }

    public synchronized void stopped(Instant now) {
        change(State.STOPPED, now);
    }

    private void change(State next, Instant now) {
        if (state != next || since == null) {
            since = now;
        }
        state = next;
    }

    public synchronized State state() {
        return state;
    }

    /** The last reason an attempt failed, or null. */
    public synchronized String lastError() {
        return lastError;
    }

    /** When the state last changed, or null before the first attempt. */
    public synchronized Instant since() {
        return since;
    }

    /** Attempts that failed since the service was last connected. */
    public synchronized int failedAttempts() {
        return failedAttempts;
    }
}
