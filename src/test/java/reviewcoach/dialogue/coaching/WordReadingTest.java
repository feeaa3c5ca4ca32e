package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small readers under the rules: words, quotations and inflections. */
class WordReadingTest {

    @Test
    void wordsKeepApostrophesAndSplitAtHyphens() {
        assertEquals(List.of("i'm", "self", "conscious", "don't"), Word.forms(Word.in("I’m self-conscious, don't 😬")));
    }

    /**
     * The word forms and runs are what the regular expressions they were first written with give: {@code ['’‘ʼ]} made
     * {@code '}, {@code (\p{L})\1{2,}} made one letter, and words of a run joined by {@code [\s\-‐‑]*} only.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "The review was posted on Tuesday at 9:14 in the evening.",
                "I’m sooo TIRED of this, she‘s ʼrightʼ — aaa-bbb ccc\tddd\u000Beee\fff\r\ngg",
                "Rude‐and‑rude --- rude_rude so'o 𝔸𝔸𝔸 𝔸𝔸𝔸𝔸 x𝔸𝔸y ÉÉÉ éééé 1112 ¼¼¼ nooo'ooo",
                "",
                "  ,,, ... ",
                "don’t ‘quote’ me, I ʼm fine; really—fine…   fine"
            })
    void wordsAndRunsAreWhatTheRegularExpressionsGive(String text) {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]+(?:['’‘ʼ][\\p{L}\\p{N}]+)*");
        Pattern joiner = Pattern.compile("[\\s\\-‐‑]*");
        List<List<String>> expected = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int previousEnd = -1;
        Matcher words = word.matcher(text);
        while (words.find()) {
            if (previousEnd >= 0
                    && !joiner.matcher(text.substring(previousEnd, words.start()))
                            .matches()) {
                expected.add(run);
                run = new ArrayList<>();
            }
            String lower = words.group().toLowerCase(Locale.ROOT).replaceAll("['’‘ʼ]", "'");
            run.add(lower.replaceAll("(\\p{L})\\1{2,}", "$1"));
            previousEnd = words.end();
        }
        if (!run.isEmpty()) {
            expected.add(run);
        }

        assertEquals(expected, Word.runs(text).stream().map(Word::forms).toList());
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
