package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.Step;

class CoachingRulesTest {

    @Test
    void theStandardRulesCheckCircumstancesFeelingsThenFollowUps() {
        List<CoachingRule> rules = CoachingRules.standard();

        assertEquals(3, rules.size());
        assertTrue(rules.get(0) instanceof JudgmentInCircumstance);
        assertTrue(rules.get(1) instanceof OneFeelingWord);
        assertTrue(rules.get(2) instanceof ActionItemNeedsOwner);
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
    void everyReasonAsksAtMostOneQuestion() {
        for (String file : List.of("circumstances.tsv", "feelings.tsv")) {
            for (LabelledExamples.Example example : LabelledExamples.load(file).examples()) {
                for (Step step : Step.values()) {
                    CoachingRules.review(CoachingRules.standard(), step, example.text())
                            .ifPresent(concern -> assertTrue(
                                    concern.reason()
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
