package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reviewcoach.dialogue.Step;

class OneFeelingWordTest {

    private final OneFeelingWord rule = new OneFeelingWord();
    private final FeelingVocabulary vocabulary = FeelingVocabulary.standard();

    @Test
    void acceptsOneEmotionAndQuestionsTheRestInTheLabelledFeelings() {
        LabelledExamples examples = LabelledExamples.load("feelings.tsv");
        assertTrue(examples.count(true) >= 30 && examples.count(false) >= 30, "both kinds, 60 or more in all");

        LabelledExamples.Score score = examples.score(
                "OneFeelingWord", text -> rule.review(Step.FEELING, text).isPresent());

        System.out.println(score.report());
        assertTrue(score.precision() >= 0.9, score.report());
        assertTrue(score.recall() >= 0.9, score.report());
    }

    @Test
    void questionsTheSameLinesInTheIntentionalModel() {
        for (LabelledExamples.Example example :
                LabelledExamples.load("feelings.tsv").examples()) {
            assertEquals(
                    rule.review(Step.FEELING, example.text()).isPresent(),
                    rule.review(Step.NEW_FEELING, example.text()).isPresent(),
                    example.text());
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            I feel like they are unfair       | I feel like they are unfair
            F: that we did nothing wrong      | that we did nothing wrong
            angry because she lied.           | because she lied
            worried that we'll lose patients  | that we'll lose patients
            tired                             | tired
            Exhausted!!                       | Exhausted
            I feel attacked                   | attacked
            so Unappreciated                  | Unappreciated
            Not happy                         | Not happy
            I'm not feeling great             | not feeling great
            grumbly                           | grumbly
            bad 😞                            | bad
            """)
    void quotesWhatItQuestionsAsWritten(String feeling, String expected) {
        assertEquals(
                List.of(expected),
                rule.review(Step.FEELING, feeling).orElseThrow().quoted());
    }

    @Test
    void asksForTheStrongestWhenALineNamesMoreThanOneEmotion() {
        Concern seed = rule.review(Step.FEELING, "defeated, defensive").orElseThrow();
        Concern intentional =
                rule.review(Step.NEW_FEELING, "Confident, happy, at peace").orElseThrow();

        assertEquals(List.of("defeated", "defensive"), seed.quoted());
        assertEquals(
                "“defeated” and “defensive” are both feelings. The model takes one at a time: which is strongest right"
                        + " now?",
                seed.reason());
        assertEquals(List.of("Confident", "happy", "at peace"), intentional.quoted());
        assertTrue(intentional.reason().endsWith("which one do you most want to feel?"), intentional.reason());
        assertEquals(Optional.empty(), rule.review(Step.FEELING, "sad, sad"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"calm", "confident", "Curious.", "at peace", "determined", "I'm feeling compassionate"})
    void acceptsTheFeelingOfAnIntentionalModel(String feeling) {
        assertEquals(Optional.empty(), rule.review(Step.NEW_FEELING, feeling));
    }

    @Test
    void asksWhatAPersonWouldFeelWhateverOthersDoInTheIntentionalModel() {
        Concern concern = rule.review(Step.NEW_FEELING, "respected").orElseThrow();

        assertEquals(
                "“respected” depends on what others do. What would you like to feel, whatever they do: confident,"
                        + " calm, proud or dignified?",
                concern.reason());
    }

    @Test
    void neverSuggestsChoosingAPainfulFeelingInTheIntentionalModel() {
        Concern concern = rule.review(Step.NEW_FEELING, "rejected").orElseThrow();

        assertTrue(concern.reason().endsWith("calm, confident, curious or compassionate?"), concern.reason());
        assertTrue(
                rule.review(Step.FEELING, "rejected").orElseThrow().reason().endsWith("hurt, sad, ashamed or lonely?"));
    }

    @Test
    void aThoughtIsSentToTheThoughtStepOfTheSameModel() {
        assertTrue(rule.review(Step.FEELING, "like they hate us")
                .orElseThrow()
                .reason()
                .contains("fits under Thought."));
        assertTrue(rule.review(Step.NEW_FEELING, "like we can handle this")
                .orElseThrow()
                .reason()
                .contains("fits under New thought."));
    }

    @Test
    void suggestsThreeToFiveFeelingWordsWhenItAsksForAFeeling() {
        for (LabelledExamples.Example example :
                LabelledExamples.load("feelings.tsv").examples()) {
            for (Step step : List.of(Step.FEELING, Step.NEW_FEELING)) {
                Optional<Concern> concern = rule.review(step, example.text());
                if (concern.isEmpty() || offersNoChoice(concern.get())) {
                    continue;
                }
                Set<String> suggested = suggestedFeelings(concern.get());
                assertTrue(
                        suggested.size() >= 3 && suggested.size() <= 5,
                        example.text() + " -> " + concern.get().reason() + " suggests " + suggested);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"FEELING", "NEW_FEELING"},
            mode = EnumSource.Mode.EXCLUDE)
    void caresOnlyAboutFeelings(Step step) {
        assertEquals(Optional.empty(), rule.review(step, "I feel like they are unfair"));
    }

    @Test
    void questionsALineThatNamesNothing() {
        assertEquals(
                List.of("😡"), rule.review(Step.FEELING, "😡").orElseThrow().quoted());
        assertEquals(List.of(), rule.review(Step.FEELING, "  ").orElseThrow().quoted());
    }

    /** Two concerns keep to the words written: several emotions (pick one) and an emotion with its thought. */
    private static boolean offersNoChoice(Concern concern) {
        return concern.reason().contains("The model takes one at a time")
                || concern.reason().contains("is the thought behind it");
    }

    /** The feeling words a reason offers, leaving out the words it quotes. */
    private Set<String> suggestedFeelings(Concern concern) {
        Set<String> quoted = new HashSet<>();
        concern.quoted().forEach(words -> quoted.addAll(Word.formsOf(words)));
        Set<String> suggested = new HashSet<>();
        for (Word word : Word.in(concern.reason())) {
            if (vocabulary.emotions().contains(List.of(word.form())) && !quoted.contains(word.form())) {
                suggested.add(word.form());
            }
        }
        return suggested;
    }
}
