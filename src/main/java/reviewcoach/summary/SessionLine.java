package reviewcoach.summary;

import java.time.Instant;
import java.util.Objects;
import reviewcoach.dialogue.Step;

/**
 * One session as a list shows it: where it is, the step it is on, and the start of its review.
 *
 * @param thread the id of the thread's first message, or null while the session is opening
 * @param finishedAt when it finished, or null while open
 * @param excerpt the start of the review, as written (not yet escaped)
 */
public record SessionLine(
        long id, String channel, String thread, Step step, Instant startedAt, Instant finishedAt, String excerpt) {

    public SessionLine {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(excerpt, "excerpt");
    }
}
