package reviewcoach.dialogue.coaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.Step;

/**
 * The coaching rules the app runs, in the order they are asked, and the one way to ask them.
 *
 * <p>The rules are immutable and thread-safe; their word lists are read from the classpath once, when first used.
 */
public final class CoachingRules {

    private static final List<CoachingRule> STANDARD = List.of(
            new JudgmentInCircumstance(),
            new QuestionNotThought(),
            new ThinkingTrap(),
            new OneFeelingWord(),
            new ActionNotOurs(),
            new ResultNotOurs(),
            new ActionItemNeedsOwner());

    private CoachingRules() {}

    /**
     * Every rule, each caring about its own step: a judgment in a circumstance, a question or a thinking trap in a
     * thought, one feeling word, an action or a result that is someone else's, an owner for each follow-up in the plan.
     */
    public static List<CoachingRule> standard() {
        return STANDARD;
    }

    /** The rules for a kind of office: health care adds the check that public replies never confirm a client. */
    public static List<CoachingRule> forPractice(PracticeType practice) {
        if (practice != PracticeType.HEALTHCARE) {
            return STANDARD;
        }
        List<CoachingRule> rules = new ArrayList<>(STANDARD);
        rules.add(new ConfidentialReply());
        return List.copyOf(rules);
    }

    /** The first concern any of the rules raises about a line written for a step, or empty when all accept it. */
    public static Optional<Concern> review(List<CoachingRule> rules, Step step, String text) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(text, "text");
        for (CoachingRule rule : rules) {
            Optional<Concern> concern = rule.review(step, text);
            if (concern.isPresent()) {
                return concern;
            }
        }
        return Optional.empty();
    }
}
