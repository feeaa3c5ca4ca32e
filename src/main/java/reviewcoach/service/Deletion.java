package reviewcoach.service;

import java.util.List;
import java.util.Objects;

/**
 * What came of asking to delete a session.
 *
 * @param result whether it was deleted, and if not, why
 * @param toRemove the bot's messages for the session, to remove from Slack now that the data is gone
 */
public record Deletion(Result result, List<PostedMessage> toRemove) {

    /** Whether a session was deleted. */
    public enum Result {
        DELETED,
        NOT_ALLOWED,
        NOT_FOUND
    }

    public Deletion {
        Objects.requireNonNull(result, "result");
        toRemove = List.copyOf(toRemove);
    }

    static Deletion refused(Result why) {
        return new Deletion(why, List.of());
    }
}
