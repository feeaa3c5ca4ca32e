package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reviewcoach.dialogue.Step;

class ResultNotOursTest {

    private final ResultNotOurs rule = new ResultNotOurs();

    @Test
    void asksForOurResultInTheLabelledResults() {
        LabelledExamples examples = LabelledExamples.load("results.tsv");
        assertTrue(examples.count(true) >= 30 && examples.count(false) >= 30, "both kinds, 60 or more in all");

        LabelledExamples.Score score = examples.score(
                "ResultNotOurs", text -> rule.review(Step.RESULT, text).isPresent());

        System.out.println(score.report());
        assertTrue(score.precision() >= 0.9, score.report());
        assertTrue(score.recall() >= 0.9, score.report());
    }

    @Test
    void aResultAboutTheReviewerIsQuestionedAndTheNudgeAsksHowItIsOurs() {
        String reason =
                rule.review(Step.RESULT, "She is happy now").orElseThrow().reason();

        assertEquals(
                "That’s about someone else, and their part is theirs. The result in our model is ours: what comes of"
                        + " our actions, for us? Often it proves the thought we started with.",
                reason);
    }

    @Test
    void aFeelingIsQuestionedAsAFeeling() {
        assertTrue(
                rule.review(Step.RESULT, "We feel worse").orElseThrow().reason().startsWith("That’s a feeling"));
    }

    @Test
    void whatOthersDoBecauseOfUsIsOurResult() {
        assertEquals(
                Optional.empty(),
                rule.review(Step.RESULT, "The customer leaves more reviews because we never answered"));
        assertEquals(
                Optional.empty(),
                rule.review(Step.NEW_RESULT, "The reviewer feels heard, and we learn something we can use."));
        assertTrue(rule.review(Step.NEW_RESULT, "The reviewer takes it down")
                .orElseThrow()
                .reason()
                .endsWith("what result do we want, for us?"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"RESULT", "NEW_RESULT"},
            mode = EnumSource.Mode.EXCLUDE)
    void caresOnlyAboutResults(Step step) {
        assertEquals(Optional.empty(), rule.review(step, "She is happy now"));
    }
}
