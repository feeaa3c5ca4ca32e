package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The coach notices real distress and answers with care, without mistaking figures of speech for it. */
class CareTest {

    private record Example(boolean distress, String text) {}

    private static List<Example> examples() throws IOException {
        try (InputStream in = CareTest.class.getResourceAsStream("/care/lines.tsv")) {
            List<Example> examples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 2);
                examples.add(new Example(columns[0].equals("distress"), columns[1]));
            }
            return examples;
        }
    }

    @Test
    void noticesDistressWithHighPrecisionAndRecall() throws IOException {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> wrong = new ArrayList<>();
        List<Example> examples = examples();
        for (Example example : examples) {
            boolean noticed = Care.isDistress(example.text());
            if (noticed && example.distress()) {
                truePositives++;
            } else if (noticed) {
                falsePositives++;
                wrong.add("not distress: " + example.text());
            } else if (example.distress()) {
                falseNegatives++;
                wrong.add("missed: " + example.text());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf("Care: %d examples, precision %.3f, recall %.3f%n", examples.size(), precision, recall);
        assertTrue(examples.size() >= 60, "at least 60 labelled lines");
        assertTrue(precision >= 0.9 && recall >= 0.9, "precision " + precision + ", recall " + recall + ": " + wrong);
    }

    @Test
    void theAnswerPointsToRealHelpAndOnlyComesForDistress() {
        String answer = Care.answer("I want to die").orElseThrow();
        assertTrue(answer.contains("988"), answer);
        assertTrue(answer.contains("findahelpline.com"), answer);
        assertEquals(java.util.Optional.empty(), Care.answer("This review is killing me"));
    }

    /** Every phrase the coach knows, anywhere in a line, in any case and with a typographic apostrophe. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Honestly some days I could hurt myself",
                "I've had suicidal thoughts since Monday",
                "it makes me think about self-harm",
                "I just want to die",
                "I wish I were never born",
                "sometimes I want to end it all",
                "there is no point in going on",
                "everyone would be better off without me",
                "I CAN'T GO ON like this",
                "I don’t want to wake up anymore",
                "I keep thinking I could take my own life"
            })
    void noticesEachPhraseAnywhereInTheLine(String line) {
        assertTrue(Care.isDistress(line), line);
    }

    /** A phrase counts only from the start of a word, and a word that merely begins like one is not it. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "we need to upskill myself and the team",
                "the weekend to die for was lovely",
                "a blend it all together recipe",
                "he called the opening hours plan suicidally ambitious"
            })
    void needsTheStartOfAWord(String line) {
        assertFalse(Care.isDistress(line), line);
    }
}
