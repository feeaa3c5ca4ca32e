package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reviews that mention lawyers, lawsuits or regulators are flagged for counsel; ordinary complaints are not. */
class LegalFlagTest {

    @Test
    void flagsLegalReviewsWithHighPrecisionAndRecall() throws IOException {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int examples = 0;
        List<String> wrong = new ArrayList<>();
        try (InputStream in = LegalFlagTest.class.getResourceAsStream("/care/legal.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                examples++;
                String[] columns = line.split("\t", 2);
                boolean legal = columns[0].equals("legal");
                boolean flagged = !LegalFlag.wordsIn(columns[1]).isEmpty();
                if (flagged && legal) {
                    truePositives++;
                } else if (flagged) {
                    falsePositives++;
                    wrong.add("flagged: " + columns[1]);
                } else if (legal) {
                    falseNegatives++;
                    wrong.add("missed: " + columns[1]);
                }
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf("LegalFlag: %d examples, precision %.3f, recall %.3f%n", examples, precision, recall);
        assertTrue(examples >= 60);
        assertTrue(precision >= 0.9 && recall >= 0.9, "precision " + precision + ", recall " + recall + ": " + wrong);
    }

    @Test
    void quotesTheWordsAndAdvisesCounsel() {
        List<String> words = LegalFlag.wordsIn("My lawyer says this is malpractice. My LAWYER agrees.");

        assertEquals(List.of("lawyer", "malpractice"), words);
        String advice = LegalFlag.advice(List.of("lawyer", "malpractice"));
        assertTrue(advice.contains("“lawyer”, “malpractice”"), advice);
        assertTrue(advice.contains("talk to your lawyer or malpractice insurer"), advice);
    }
}
