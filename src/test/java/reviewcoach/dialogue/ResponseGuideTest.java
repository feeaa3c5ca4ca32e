package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.coaching.CoachingRules;

class ResponseGuideTest {

    @Test
    void aKnownReviewerIsOfferedAPrivateConversationThatAsksPermissionFirst() {
        List<String> paths = ResponseGuide.paths(ResponseGuide.Reviewer.KNOWN_CURRENT, PracticeType.GENERAL);

        assertTrue(paths.get(0).startsWith("*A private conversation*"), paths.get(0));
        assertTrue(paths.get(0).contains("Would you be open to that? If not, I understand."));
        assertTrue(paths.get(0).contains("What do you think would help?"));
        assertTrue(paths.stream().anyMatch(path -> path.startsWith("*No reply*")));
    }

    @Test
    void anAnonymousReviewerIsOfferedAPublicReplyNotAPrivateOne() {
        List<String> paths = ResponseGuide.paths(ResponseGuide.Reviewer.UNKNOWN, PracticeType.GENERAL);

        assertFalse(paths.stream().anyMatch(path -> path.contains("private conversation")), paths.toString());
        assertTrue(paths.get(0).startsWith("*A short public reply*"));
    }

    @Test
    void theHealthcarePublicDraftNeverConfirmsAClientAndFitsGoogle() {
        String draft = ResponseGuide.publicDraft(PracticeType.HEALTHCARE).substring(2);

        assertEquals(
                Optional.empty(),
                CoachingRules.review(
                        CoachingRules.forPractice(PracticeType.HEALTHCARE), Step.RESPONSE_PLAN, "reply: " + draft),
                "the coach's own draft passes its confidentiality check");
        for (PracticeType practice : PracticeType.values()) {
            assertTrue(ResponseGuide.publicDraft(practice).getBytes(StandardCharsets.UTF_8).length
                    <= ResponseGuide.PUBLIC_REPLY_LIMIT_BYTES);
        }
        assertTrue(ResponseGuide.paths(ResponseGuide.Reviewer.UNKNOWN, PracticeType.HEALTHCARE)
                .get(0)
                .contains("never confirms that the reviewer is or was a client"));
    }
}
