package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reviewcoach.dialogue.Step;

class ActionNotOursTest {

    private final ActionNotOurs rule = new ActionNotOurs();

    @Test
    void asksForOurActionWhenALineIsSomeoneElsesInTheLabelledActions() {
        LabelledExamples examples = LabelledExamples.load("actions.tsv");
        assertTrue(examples.count(true) >= 30 && examples.count(false) >= 30, "both kinds, 60 or more in all");

        LabelledExamples.Score score = examples.score(
                "ActionNotOurs", text -> rule.review(Step.ACTION, text).isPresent());

        System.out.println(score.report());
        assertTrue(score.precision() >= 0.9, score.report());
        assertTrue(score.recall() >= 0.9, score.report());
    }

    @Test
    void pointsItOutWarmlyAndAsksWhatWeDid() {
        String reason = rule.review(Step.ACTION, "They should have called us first")
                .orElseThrow()
                .reason();

        assertEquals(
                "That’s about what someone else could do, and that part is theirs to choose. The action in our model"
                        + " is ours: what did we do, or not do, when we felt that way?",
                reason);
        assertTrue(rule.review(Step.NEW_ACTION, "She needs to take it down")
                .orElseThrow()
                .reason()
                .endsWith("what would we do to get the result we want?"));
    }

    @Test
    void ourOwnPlansAboutOthersAreOurs() {
        assertEquals(Optional.empty(), rule.review(Step.ACTION, "We ask her to take it down"));
        assertEquals(Optional.empty(), rule.review(Step.NEW_ACTION, "I call her and ask what would help"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"ACTION", "NEW_ACTION"},
            mode = EnumSource.Mode.EXCLUDE)
    void caresOnlyAboutActions(Step step) {
        assertEquals(Optional.empty(), rule.review(step, "She needs to take it down"));
    }
}
