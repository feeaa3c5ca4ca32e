package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word lists read as documented, and stay consistent with each other as people edit them. */
class WordListsTest {

    private final FeelingVocabulary vocabulary = FeelingVocabulary.standard();

    @Test
    void readsEntriesCommentsHintsAndHyphens() {
        WordList list = WordList.of("# a comment", "", "Self-Conscious  # trailing comment", "tired: sad, hurt , calm");

        assertEquals(Set.of("self conscious", "tired"), list.entries());
        assertTrue(list.contains(List.of("self", "conscious")));
        assertEquals(List.of("sad", "hurt", "calm"), list.hints(List.of("tired")));
        assertEquals(List.of(), list.hints(List.of("self", "conscious")));
    }

    @Test
    void aMissingListFailsNamingWhereItBelongs() {
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> WordList.fromResource("no-such-list.txt"));

        assertTrue(missing.getMessage().contains("src/main/resources/coaching/"), missing.getMessage());
    }

    @Test
    void theFeelingVocabularyIsAFewHundredEmotions() {
        assertTrue(
                vocabulary.emotions().entries().size() >= 300,
                "" + vocabulary.emotions().entries().size());
    }

    @Test
    void noWordIsBothAnEmotionAndSomethingElse() {
        Map<String, WordList> others = Map.of(
                "body-states.txt", vocabulary.bodyStates(),
                "done-to-words.txt", vocabulary.doneTo(),
                "done-for-words.txt", vocabulary.doneFor(),
                "vague-words.txt", vocabulary.vague());
        others.forEach((name, list) -> {
            Set<String> both = new HashSet<>(list.entries());
            both.retainAll(vocabulary.emotions().entries());
            assertEquals(Set.of(), both, "in feeling-words.txt and " + name);
        });
    }

    @Test
    void everyHintIsAFeelingWordAndEachEntryOffersThreeToFive() {
        for (WordList list :
                List.of(vocabulary.bodyStates(), vocabulary.doneTo(), vocabulary.doneFor(), vocabulary.vague())) {
            for (String entry : list.entries()) {
                List<String> hints = list.hints(List.of(entry.split(" ")));
                assertTrue(hints.size() >= 3 && hints.size() <= 5, entry + " -> " + hints);
                for (String hint : hints) {
                    assertTrue(vocabulary.emotions().contains(Word.formsOf(hint)), entry + " suggests " + hint);
                }
            }
        }
    }

    @Test
    void leadInsAndTailsAreNotFeelingsThemselves() {
        for (WordList list : List.of(vocabulary.leadIns(), vocabulary.tails())) {
            for (String entry : list.entries()) {
                assertFalse(vocabulary.kindOf(List.of(entry.split(" "))).isPresent(), entry);
            }
        }
    }

    @Test
    void theJudgmentListHoldsNoFeelingFreeNeutralPhrase() {
        WordList judgments = WordList.fromResource("judgment-words.txt");
        WordList neutral = WordList.fromResource("not-judgments.txt");

        assertTrue(judgments.entries().size() >= 200, "" + judgments.entries().size());
        Set<String> both = new HashSet<>(judgments.entries());
        both.retainAll(neutral.entries());
        assertEquals(Set.of(), both);
    }
}
