package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.Objects;

/**
 * Why the coach questions a line: the words it questions, quoted from what was written, and a short, kind reason.
 *
 * @param quoted the exact words, as written, that the coach questions; may be empty when the whole line is meant
 * @param reason one or two warm sentences saying why and what would work better
 */
public record Concern(List<String> quoted, String reason) {
    public Concern {
        quoted = List.copyOf(Objects.requireNonNull(quoted, "quoted"));
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a concern needs a reason");
        }
    }
}
