package reviewcoach.slack;

import java.sql.SQLException;

/**
 * How a request that failed in the Bolt app is told apart and logged, alike for HTTP ({@code http.SlackEndpoint}) and
 * Socket Mode ({@code slack.socket.EnvelopeHandler}): whether the database failed (then Slack should send the event
 * again), and a description that names classes and a frame but never a message, which may quote what people wrote.
 */
public final class HandlingFailures {

    private static final int MAX_CAUSES = 16;

    private HandlingFailures() {}

    /** True when the database failed somewhere along the failure's causes. */
    public static boolean inDatabase(Throwable failure) {
        return causedBy(failure, SQLException.class);
    }

    /**
     * The failure's classes along its causes and where the first of them was thrown: enough to find the bug, and never
     * a message (database errors quote the values they refused).
     */
    public static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        Throwable root = failure;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_CAUSES; cause = cause.getCause()) {
            description
                    .append(description.length() == 0 ? "" : " <- ")
                    .append(cause.getClass().getName());
            root = cause;
        }
        StackTraceElement[] frames = root.getStackTrace();
        return frames.length == 0 ? description.toString() : description + " at " + frames[0];
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_CAUSES; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
