package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
