package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.Step;

/** In health care, a public reply the team drafts never confirms that the reviewer is a client. */
class ConfidentialReplyTest {

    private final ConfidentialReply rule = new ConfidentialReply();

    @Test
    void questionsClientConfirmingRepliesWithHighPrecisionAndRecall() throws IOException {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int examples = 0;
        List<String> wrong = new ArrayList<>();
        try (InputStream in = ConfidentialReplyTest.class.getResourceAsStream("/coaching/public-replies.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                examples++;
                String[] columns = line.split("\t", 2);
                boolean expected = columns[0].equals("question");
                boolean questioned = rule.review(Step.RESPONSE_PLAN, columns[1]).isPresent();
                if (questioned && expected) {
                    truePositives++;
                } else if (questioned) {
                    falsePositives++;
                    wrong.add("questioned: " + columns[1]);
                } else if (expected) {
                    falseNegatives++;
                    wrong.add("missed: " + columns[1]);
                }
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf("ConfidentialReply: %d examples, precision %.3f, recall %.3f%n", examples, precision, recall);
        assertTrue(examples >= 60);
        assertTrue(precision >= 0.9 && recall >= 0.9, "precision " + precision + ", recall " + recall + ": " + wrong);
    }

    @Test
    void quotesTheConfirmingWordsAndOffersASaferShape() {
        Concern concern = rule.review(Step.RESPONSE_PLAN, "reply: Hi Sarah, sorry your appointment on Tuesday ran late")
                .orElseThrow();

        assertEquals(List.of("Hi Sarah", "your appointment", "on Tuesday"), concern.quoted());
        assertTrue(concern.reason().contains("never"), concern.reason());
        assertTrue(concern.reason().contains("Please call our office"), concern.reason());
    }

    @Test
    void onlyHealthCareGetsTheCheckAndOnlyInThePlan() {
        String draft = "reply: Sorry your appointment ran late";
        assertTrue(CoachingRules.review(CoachingRules.forPractice(PracticeType.HEALTHCARE), Step.RESPONSE_PLAN, draft)
                .isPresent());
        assertEquals(
                Optional.empty(),
                CoachingRules.review(CoachingRules.forPractice(PracticeType.GENERAL), Step.RESPONSE_PLAN, draft));
        assertEquals(Optional.empty(), rule.review(Step.ACTION, draft));
    }
}
