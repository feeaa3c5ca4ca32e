package reviewcoach.dialogue;

import java.util.Objects;
import java.util.Optional;
import reviewcoach.dialogue.coaching.Concern;

/**
 * What the coach makes of a line written at a step: whether it shows distress, and the concern the coaching rules
 * raise, if any. Working it out is the slowest part of taking a contribution, so it can be done before the session's
 * transaction (see {@link Dialogue#interpret}); it holds as long as the session stays at that step.
 *
 * @param concern empty when the line is fine, and when it shows distress (the care answer comes first)
 */
public record Reading(Step step, String text, boolean distress, Optional<Concern> concern) {
    public Reading {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(concern, "concern");
        if (distress && concern.isPresent()) {
            throw new IllegalArgumentException("a line that shows distress is cared for, not coached");
        }
    }
}
