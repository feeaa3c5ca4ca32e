package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import reviewcoach.dialogue.Step;

class JudgmentInCircumstanceTest {

    private final JudgmentInCircumstance rule = new JudgmentInCircumstance();

    @Test
    void questionsJudgmentsAndAcceptsFactsInTheLabelledCircumstances() {
        LabelledExamples examples = LabelledExamples.load("circumstances.tsv");
        assertTrue(examples.count(true) >= 30 && examples.count(false) >= 30, "both kinds, 60 or more in all");

        LabelledExamples.Score score =
                examples.score("JudgmentInCircumstance", text -> rule.review(Step.CIRCUMSTANCE, text)
                        .isPresent());

        System.out.println(score.report());
        assertTrue(score.precision() >= 0.9, score.report());
        assertTrue(score.recall() >= 0.9, score.report());
    }

    @Test
    void quotesTheJudgmentWordsAsWrittenAndInOrder() {
        assertEquals(List.of("rude", "always"), quoted("The receptionist was rude and always late"));
        assertEquals(List.of("Obviously", "trying to ruin"), quoted("Obviously she is trying to ruin us."));
        assertEquals(List.of("RUDE", "never"), quoted("The front desk was RUDE. They never called back."));
    }

    @Test
    void quotesEachJudgmentOnceWhateverItsCase() {
        assertEquals(List.of("Rude", "always"), quoted("Rude staff, rude doctor, always rude."));
    }

    @Test
    void acceptsJudgmentWordsTheReviewerWroteInsideQuotationMarks() {
        for (String fact : List.of(
                "The review says \"the receptionist was rude\"",
                "The review says “the receptionist was rude and always late”.",
                "The review calls us ‘lazy’ and ‘unprofessional’.",
                "The review calls us 'lazy' and 'unprofessional'.",
                "The review says \"the receptionist was rude",
                "The review says:\n> the front desk was rude and the dentist was lazy",
                "The review says:\n&gt; the front desk was rude")) {
            assertEquals(Optional.empty(), rule.review(Step.CIRCUMSTANCE, fact), fact);
        }
    }

    @Test
    void anApostropheIsNotAQuotationMark() {
        assertEquals(List.of("rude"), quoted("The patient's review says we weren't rude, but we're rude"));
        assertEquals(List.of("lazy"), quoted("Our staff's 'slow' replies don't make them lazy"));
        assertEquals(List.of("always"), quoted("The clients' reviews always say 'rude'"));
    }

    @Test
    void questionsOnlyTheUnquotedWordsWhenALineMixesBoth() {
        assertEquals(
                List.of("ridiculous"), quoted("The review says the front desk was \"rude\", which is ridiculous."));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            The staff were ruder than anywhere else.        | ruder
            The rudest receptionist in town.                | rudest
            She spoke to him rudely.                        | rudely
            The rudeness of the reply.                      | rudeness
            The reviewer lied about the wait.               | lied
            The reviewer is lying about the wait.           | lying
            The reviewer lies.                              | lies
            Someone who hated the office posted it.         | hated
            The patient was bullied by nobody.              | bullied, nobody
            The review exaggerates the wait.                | exaggerates
            The customer got ripped off.                    | ripped off
            Everyone's reviews are great.                   | Everyone's, great
            The one-sided review.                           | one-sided
            He has it out for us.                           | it out for
            She was trying to ruin our name.                | trying to ruin
            She tried to ruin our name.                     | tried to ruin
            """)
    void findsInflectionsAndPhrases(String circumstance, String expected) {
        assertEquals(Arrays.asList(expected.split(", ")), quoted(circumstance));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            The patient received a Good Faith Estimate of $400.
            The patient was entitled to a copy of her records.
            The patient waited roughly 40 minutes.
            The review means the appointment on June 3.
            The patient was lying down when the alarm went off.
            The total was $312 after insurance.
            The review was marked as helpful by 3 people.
            The patient came in with a heart attack history on her chart.
            """)
    void leavesNeutralPhrasesThatContainJudgmentWordsAlone(String circumstance) {
        assertEquals(Optional.empty(), rule.review(Step.CIRCUMSTANCE, circumstance));
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"CIRCUMSTANCE"},
            mode = EnumSource.Mode.EXCLUDE)
    void caresOnlyAboutTheCircumstance(Step step) {
        assertEquals(Optional.empty(), rule.review(step, "The receptionist was rude and always late"));
    }

    @Test
    void theReasonNamesTheWordsAndOffersANeutralShape() {
        Concern concern = rule.review(Step.CIRCUMSTANCE, "The receptionist was rude and always late")
                .orElseThrow();

        assertEquals(
                "“rude” and “always” are judgments, not facts. A circumstance holds only what anyone could check,"
                        + " like: A review posted on [date] says “…”. Words the reviewer wrote can stay, in quotes.",
                concern.reason());
        assertTrue(rule.review(Step.CIRCUMSTANCE, "A rude reply")
                .orElseThrow()
                .reason()
                .startsWith("“rude” is a judgment, not a fact."));
    }

    @Test
    void usesTheWordListItIsGiven() {
        JudgmentInCircumstance custom =
                new JudgmentInCircumstance(WordList.of("# test list", "grumpy", "out of order"), WordList.of());

        assertEquals(
                List.of("grumpier", "out of order"),
                custom.review(Step.CIRCUMSTANCE, "She was grumpier than ever and out of order.")
                        .orElseThrow()
                        .quoted());
        assertEquals(Optional.empty(), custom.review(Step.CIRCUMSTANCE, "The receptionist was rude"));
    }

    private List<String> quoted(String circumstance) {
        return rule.review(Step.CIRCUMSTANCE, circumstance).map(Concern::quoted).orElse(List.of());
    }
}
