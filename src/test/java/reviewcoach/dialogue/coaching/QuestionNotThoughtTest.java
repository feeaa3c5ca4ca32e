package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reviewcoach.dialogue.Step;

class QuestionNotThoughtTest {

    private final QuestionNotThought rule = new QuestionNotThought();

    @Test
    void asksForTheAnswerToQuestionsAndAcceptsStatementsInTheLabelledLines() {
        LabelledExamples examples = LabelledExamples.load("questions.tsv");
        assertTrue(examples.count(true) >= 30 && examples.count(false) >= 30, "both kinds, 60 or more in all");

        LabelledExamples.Score score = examples.score(
                "QuestionNotThought", text -> rule.review(Step.THOUGHT, text).isPresent());

        System.out.println(score.report());
        assertTrue(score.precision() >= 0.9, score.report());
        assertTrue(score.recall() >= 0.9, score.report());
    }

    @Test
    void asksGentlyForTheAnswerWithOneQuestion() {
        Concern concern = rule.review(Step.THOUGHT, "What if they're right?").orElseThrow();

        assertEquals(List.of("What if they're right?"), concern.quoted());
        assertTrue(concern.reason().startsWith("That’s a question, and a fair one to ask."), concern.reason());
        assertEquals(1, concern.reason().chars().filter(c -> c == '?').count());
    }

    @Test
    void aNewThoughtThatAsksIsInvitedToAnswerItself() {
        Concern concern =
                rule.review(Step.NEW_THOUGHT, "What can we learn from this?").orElseThrow();

        assertTrue(concern.reason().contains("what answer to it could we believe?"), concern.reason());
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"THOUGHT", "NEW_THOUGHT"},
            mode = EnumSource.Mode.EXCLUDE)
    void caresOnlyAboutThoughts(Step step) {
        assertEquals(Optional.empty(), rule.review(step, "What if they're right?"));
    }
}
