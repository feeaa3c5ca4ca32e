package reviewcoach.dialogue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reviewcoach.dialogue.coaching.Concern;

/**
 * One line a team member wrote for a step, kept whatever the coach thought of it.
 *
 * @param messageId the id of the message that carried the line, unique within its session
 * @param step the step it was written for
 * @param author who wrote it
 * @param text what they wrote
 * @param concern why the coach questioned it, or null when the coach accepted it
 * @param writtenAt when it was written (or last edited)
 */
public record Contribution(
        String messageId, Step step, String author, String text, Concern concern, Instant writtenAt) {

    public Contribution {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    public boolean isQuestioned() {
        return concern != null;
    }

    public Optional<Concern> concernIfAny() {
        return Optional.ofNullable(concern);
    }
}
