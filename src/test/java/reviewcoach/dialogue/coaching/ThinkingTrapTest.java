package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import reviewcoach.dialogue.Step;

class ThinkingTrapTest {

    private final ThinkingTrap rule = new ThinkingTrap();

    @Test
    void namesTrapsAndLeavesOtherThoughtsAloneInTheLabelledThoughts() {
        LabelledExamples examples = LabelledExamples.load("thought-traps.tsv");
        assertTrue(examples.count(true) >= 60 && examples.count(false) >= 60, "60 or more of each");

        LabelledExamples.Score score = examples.score(
                "ThinkingTrap", text -> rule.review(Step.THOUGHT, text).isPresent());

        System.out.println(score.report());
        assertTrue(score.precision() >= 0.9, score.report());
        assertTrue(score.recall() >= 0.9, score.report());
    }

    @Test
    void everyTrapFamilyIsWellRepresentedAndMostlyNamedRight() {
        Map<String, int[]> byFamily = new TreeMap<>();
        List<String> misnamed = new ArrayList<>();
        for (LabelledExamples.Example example :
                LabelledExamples.load("thought-traps.tsv").examples()) {
            if (!example.shouldQuestion()) {
                continue;
            }
            int[] counts = byFamily.computeIfAbsent(example.tag(), family -> new int[2]);
            counts[0]++;
            Optional<String> named = rule.trapIn(example.text()).map(found -> tag(found.trap()));
            if (named.equals(Optional.of(example.tag()))) {
                counts[1]++;
            } else {
                misnamed.add(example.tag() + " named " + named.orElse("nothing") + ": " + example.text());
            }
        }
        assertEquals(
                Arrays.stream(Trap.values()).map(ThinkingTrapTest::tag).sorted().toList(),
                List.copyOf(byFamily.keySet()),
                "every trap has examples");
        int total = 0;
        int right = 0;
        for (Map.Entry<String, int[]> family : byFamily.entrySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "ThinkingTrap names %s in %d of %d%n",
                    family.getKey(),
                    family.getValue()[1],
                    family.getValue()[0]);
            assertTrue(family.getValue()[0] >= 8, family.getKey() + " has at least 8 examples");
            total += family.getValue()[0];
            right += family.getValue()[1];
        }
        double accuracy = (double) right / total;
        System.out.printf(Locale.ROOT, "ThinkingTrap names the labelled trap in %.3f of %d%n", accuracy, total);
        misnamed.forEach(line -> System.out.println("  " + line));
        assertTrue(accuracy >= 0.85, misnamed.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            This will kill my reputation.           | CATASTROPHIZING    | kill my reputation
            Everyone will think I'm horrible.        | MIND_READING       | will think
            I'll never get another client.           | FORTUNE_TELLING    | I'll never
            I'm a terrible therapist.                | LABELING           | I'm a terrible
            It's all my fault they had a bad day.    | PERSONALIZATION    | all my fault
            If one person hates us we've failed.     | ALL_OR_NOTHING     | If one
            This always happens to us.               | OVERGENERALIZATION | always
            I should have known better.              | SHOULD             | should
            """)
    void namesOneTrapAndQuotesItsWords(String thought, Trap trap, String words) {
        Concern concern = rule.review(Step.THOUGHT, thought).orElseThrow();

        assertEquals(List.of(words), concern.quoted());
        assertTrue(concern.reason().startsWith("That sounds like " + trap.title() + " — "), concern.reason());
        assertEquals(1, concern.reason().chars().filter(c -> c == '?').count(), "one gentle question");
        assertTrue(concern.reason().contains("stays on the list"), "the thought is kept, not rejected");
    }

    @Test
    void theFortuneTellingConcernReadsAsTheBriefSays() {
        assertEquals(
                "That sounds like fortune telling — predicting how it will turn out. Is there another way it could go?"
                        + " The thought stays on the list either way.",
                rule.review(Step.THOUGHT, "I'll never get another client")
                        .orElseThrow()
                        .reason());
    }

    @Test
    void theReviewersOwnWordsInQuotesAreNotTheTeamsTrap() {
        assertEquals(
                Optional.empty(),
                rule.review(Step.THOUGHT, "She wrote \"you always ignore me\" and it stings."),
                "a quoted 'always' is hers");
        assertTrue(rule.review(Step.THOUGHT, "She wrote \"you ignore me\" and we always do")
                .isPresent());
    }

    @Test
    void aThingIsNotLabelledOnlyAPerson() {
        assertEquals(Optional.empty(), rule.review(Step.THOUGHT, "The review is terrible to read"));
        assertEquals(Optional.empty(), rule.review(Step.THOUGHT, "It's a bad day for the clinic"));
        assertTrue(rule.review(Step.THOUGHT, "Our receptionist is useless").isPresent());
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"THOUGHT"},
            mode = EnumSource.Mode.EXCLUDE)
    void caresOnlyAboutTheThoughtAsItIs(Step step) {
        assertEquals(Optional.empty(), rule.review(step, "This will kill my reputation"));
    }

    @Test
    void usesTheListsItIsGiven() {
        Map<Trap, WordList> lists = new java.util.EnumMap<>(Trap.class);
        for (Trap trap : Trap.values()) {
            lists.put(trap, WordList.of());
        }
        lists.put(Trap.CATASTROPHIZING, WordList.of("doomed"));
        ThinkingTrap custom = new ThinkingTrap(lists);

        assertEquals(
                List.of("doomed"),
                custom.review(Step.THOUGHT, "We are doomed").orElseThrow().quoted());
        assertEquals(Optional.empty(), custom.review(Step.THOUGHT, "This will kill my reputation"));
    }

    private static String tag(Trap trap) {
        return trap.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
