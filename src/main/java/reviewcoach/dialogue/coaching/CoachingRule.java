package reviewcoach.dialogue.coaching;

import java.util.Optional;
import reviewcoach.dialogue.Step;

/** One check the coach makes on a line a team member wrote for a step; most rules care about one kind of step. */
public interface CoachingRule {

    /**
     * Looks at one contribution.
     *
     * @param step the step the line was written for (use {@link Step#kind()} to treat both models alike)
     * @param text the line as written, never null
     * @return a concern when the coach should question the line, empty when it is fine for this rule
     */
    Optional<Concern> review(Step step, String text);
}
