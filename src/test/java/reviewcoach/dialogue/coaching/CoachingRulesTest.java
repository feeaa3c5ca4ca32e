package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.Guide;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.Step;

class CoachingRulesTest {

    @Test
    void theStandardRulesFollowTheStepsInOrder() {
        List<CoachingRule> rules = CoachingRules.standard();

        assertEquals(7, rules.size());
        assertTrue(rules.get(0) instanceof JudgmentInCircumstance);
        assertTrue(rules.get(1) instanceof QuestionNotThought, "a question is asked about before any trap");
        assertTrue(rules.get(2) instanceof ThinkingTrap);
        assertTrue(rules.get(3) instanceof OneFeelingWord);
        assertTrue(rules.get(4) instanceof ActionNotOurs);
        assertTrue(rules.get(5) instanceof ResultNotOurs);
        assertTrue(rules.get(6) instanceof ActionItemNeedsOwner);
        assertSame(rules, CoachingRules.standard(), "built, and its word lists read, once");
    }

    @Test
    void reviewReturnsTheConcernOfTheRuleForTheStep() {
        List<CoachingRule> rules = CoachingRules.standard();

        assertEquals(
                List.of("rude"),
                CoachingRules.review(rules, Step.CIRCUMSTANCE, "The receptionist was rude")
                        .orElseThrow()
                        .quoted());
        assertEquals(
                List.of("tired"),
                CoachingRules.review(rules, Step.NEW_FEELING, "tired")
                        .orElseThrow()
                        .quoted());
        assertEquals(Optional.empty(), CoachingRules.review(rules, Step.FEELING, "defeated"));
        assertEquals(Optional.empty(), CoachingRules.review(rules, Step.THOUGHT, "They are rude and I feel tired"));
        assertTrue(CoachingRules.review(rules, Step.THOUGHT, "What if they're right?")
                .orElseThrow()
                .reason()
                .startsWith("That’s a question"));
        assertTrue(CoachingRules.review(rules, Step.THOUGHT, "We'll never get another client")
                .orElseThrow()
                .reason()
                .startsWith("That sounds like fortune telling"));
        assertTrue(CoachingRules.review(rules, Step.ACTION, "She should have called us first")
                .isPresent());
        assertTrue(CoachingRules.review(rules, Step.RESULT, "She is happy now").isPresent());
        assertEquals(Optional.empty(), CoachingRules.review(rules, Step.RESULT, "More bad reviews"));
    }

    @Test
    void reviewReturnsTheFirstConcernInTheOrderOfTheRules() {
        CoachingRule first = (step, text) -> Optional.of(new Concern(List.of(), "first"));
        CoachingRule second = (step, text) -> Optional.of(new Concern(List.of(), "second"));
        CoachingRule silent = (step, text) -> Optional.empty();

        assertEquals(
                "first",
                CoachingRules.review(List.of(silent, first, second), Step.ACTION, "x")
                        .orElseThrow()
                        .reason());
        assertEquals(Optional.empty(), CoachingRules.review(List.of(silent), Step.ACTION, "x"));
    }

    @Test
    void theCoachNeverQuestionsItsOwnExamples() {
        for (Step step : Step.values()) {
            String example = Guide.forStep(step).example();
            assertEquals(
                    Optional.empty(),
                    CoachingRules.review(CoachingRules.forPractice(PracticeType.HEALTHCARE), step, example),
                    step + ": " + example);
        }
    }

    @Test
    void everyReasonAsksAtMostOneQuestion() {
        for (String file : List.of(
                "circumstances.tsv",
                "feelings.tsv",
                "thought-traps.tsv",
                "questions.tsv",
                "actions.tsv",
                "results.tsv")) {
            for (LabelledExamples.Example example : LabelledExamples.load(file).examples()) {
                for (Step step : Step.values()) {
                    CoachingRules.review(CoachingRules.standard(), step, example.text())
                            .ifPresent(concern -> assertTrue(
                                    concern.reason()
                                                    .replaceAll("“[^”]*”", "“…”") // the writer's words, quoted
                                                    .chars()
                                                    .filter(c -> c == '?')
                                                    .count()
                                            <= 1,
                                    concern.reason()));
                }
            }
        }
    }
}
