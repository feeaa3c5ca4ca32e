package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small readers under the rules: words, quotations and inflections. */
class WordReadingTest {

    @Test
    void wordsKeepApostrophesAndSplitAtHyphens() {
        assertEquals(List.of("i'm", "self", "conscious", "don't"), Word.forms(Word.in("I’m self-conscious, don't 😬")));
    }

    @Test
    void runsBreakAtPunctuationAndQuotations() {
        String text = "made-up, no one " + Quotations.blankOut("\"x\"") + " else";

        assertEquals(
                List.of(List.of("made", "up"), List.of("no", "one"), List.of("else")),
                Word.runs(text).stream().map(Word::forms).toList());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            says "rude" here            | says       here
            says “rude” here            | says       here
            says ‘rude’ here            | says       here
            says 'rude' here            | says       here
            don't 'rude' x              | don't       x
            patients' files             | patients' files
            says "rude and on           | says
            """)
    void blanksOutQuotedWordsOnly(String text, String expectedVisible) {
        String blanked = Quotations.blankOut(text);

        assertEquals(text.length(), blanked.length(), "positions are kept");
        assertEquals(Word.formsOf(expectedVisible), Word.forms(Word.in(blanked)));
    }

    @ParameterizedTest
    @CsvSource({
        "rudest, rude",
        "ruder, rude",
        "rudely, rude",
        "rudeness, rude",
        "lied, lie",
        "lying, lie",
        "lies, lie",
        "trying, try",
        "tried, try",
        "hates, hate",
        "ripped, rip",
        "lazier, lazy",
        "laziness, lazy",
        "terribly, terrible",
        "dramatically, dramatic",
        "everyone's, everyone",
        "bullied, bully"
    })
    void baseFormsCoverSimpleInflections(String written, String base) {
        assertTrue(Inflections.baseForms(written).contains(base), written + " -> " + Inflections.baseForms(written));
    }
}
