package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.coaching.CoachingRules;

/**
 * Golden rules for every draft the plan offers, over many reviews × practice types × reviewer kinds: no health-care
 * public draft ever confirms a client, every public draft fits Google's limit, is signed and takes the conversation
 * offline, and every private draft asks permission first.
 */
class ResponseDraftsGoldenTest {

    /** Reviews in real review language, with the topic a draft should name (or "-" when none stands out). */
    private static final List<String[]> REVIEWS = List.of(
            review("wait times", "Waited 50 minutes past my appointment time. Nobody said a word. Never again."),
            review("wait times", "Dr. Patel kept me waiting for over an hour on March 3rd and then rushed the exam."),
            review("wait times", "The waiting room was packed and they were running behind all afternoon."),
            review("billing", "I was charged $240 for a cleaning my insurance should have covered. Billing is a joke."),
            review("billing", "They overcharged me for x-rays and never explained the fee."),
            review("billing", "Way too expensive for a 45 minute session with Dr. Moore on 11/4."),
            review("billing", "Still waiting on my refund after three weeks. - Maria G."),
            review(
                    "how calls and the front desk are handled",
                    "The receptionist hung up on me. Front desk is hopeless."),
            review("how calls and the front desk are handled", "Left three voicemails and no one ever called back."),
            review("cleanliness", "The bathroom was filthy and the exam room smelled."),
            review("cleanliness", "Dirty floors, dirty chairs. Gross."),
            review("scheduling", "They cancelled on me twice and then charged a no-show fee!"),
            review("scheduling", "Impossible to reschedule online, the booking system is broken."),
            review("communication", "My therapist didn't listen and kept looking at her phone. I felt ignored."),
            review("communication", "Nobody would answer a simple question about my diagnosis."),
            review("the quality of what we sell", "The blender arrived broken and the replacement was defective too."),
            review("the quality of what we sell", "Damaged on delivery. Cheap quality for the price."),
            review(
                    "how our team treats people",
                    "Rude staff with a terrible attitude. Unprofessional from start to end."),
            review(
                    "how our team treats people",
                    "The hygienist was condescending and dismissive when I asked about pain."),
            review("-", "Worst experience of my life. Do not go here. 1 star is too many."),
            review("-", "I am going to report this clinic to the state board and my lawyer."),
            review("-", "@channel <!here> everyone avoid Sunrise Dental!!! Ask for Jenna and she will lie to you."),
            review("-", "Mi experiencia fue terrible. No vuelvo nunca. — José, 5/12/2026"),
            review("-", "🙁🙁🙁"),
            review("-", "My son Tyler saw Dr. Okafor on Tuesday for his ADHD and they prescribed the wrong dose."),
            review(
                    "communication",
                    "Session with Karen on December 2 was a waste. She diagnosed me without listening."),
            review("wait times", "x".repeat(20) + " waited " + "and waited ".repeat(800)),
            review("billing", "Overpriced. Overcharged. Billed twice. " + "Call me back! ".repeat(300)));

    private static final Pattern CONFIRMING = Pattern.compile(
            "(?i)\\b(?:visit\\w*|sessions?|appointments?|treatment\\w*|treated|diagnos\\w*|patients?|clients?"
                    + "|therap\\w*|dentist|doctor|dr|procedures?|exams?|cleanings?|prescri\\w*|x-rays?|your care"
                    + "|you were here|when you came|saw you"
                    + "|jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?"
                    + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
                    + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last week)\\b"
                    + "|\\d");

    private static final String SIGNATURE = "— [name], [role]";

    /** Pieces of reviews, combined into many more: what happened, a detail with names and dates, a sign-off. */
    private static final List<String> COMPLAINTS = List.of(
            "Waited forever.",
            "Billed twice for the same thing.",
            "The front desk never called me back.",
            "Dirty bathroom.",
            "They cancelled my appointment last minute.",
            "Nobody explained anything.",
            "The product broke in a week.",
            "Rude and dismissive staff.",
            "Terrible.");

    private static final List<String> DETAILS = List.of(
            "I saw Dr. Alvarez on Monday, June 3.",
            "My session with Priya on 10/14 was cut short.",
            "Brought my daughter Emma in for her braces check.",
            "Been a patient here since 2019.",
            "Bought it at the Elm Street store.",
            "");

    private static final List<String> SIGN_OFFS =
            List.of("- Tom", "Never again!!", "@here read this", "Sincerely, Linda Park, 555-0143", "");

    private static List<String> reviewTexts() {
        List<String> texts = new java.util.ArrayList<>();
        REVIEWS.forEach(example -> texts.add(example[1]));
        for (String complaint : COMPLAINTS) {
            for (String detail : DETAILS) {
                for (String signOff : SIGN_OFFS) {
                    texts.add((complaint + " " + detail + " " + signOff).strip());
                }
            }
        }
        return texts;
    }

    @Test
    void everyDraftForEveryReviewPracticeAndReviewerKeepsTheRules() {
        int publicDrafts = 0;
        int privateDrafts = 0;
        List<String> texts = reviewTexts();
        for (String text : texts) {
            Review review = Review.of(text);
            for (PracticeType practice : PracticeType.values()) {
                String reply = ResponseGuide.publicReply(practice, review);
                publicDrafts++;
                checkPublic(reply, practice, review);
                for (ResponseGuide.Reviewer reviewer : ResponseGuide.Reviewer.values()) {
                    List<String> paths = ResponseGuide.paths(reviewer, practice, review);
                    String all = String.join("\n", paths);
                    assertTrue(all.contains(reply.replace("\n", "\n> ")), "the path shows the draft: " + all);
                    assertFalse(all.contains("<!") || all.contains("@channel"), "never echoes the review: " + all);
                    if (reviewer != ResponseGuide.Reviewer.UNKNOWN) {
                        privateDrafts++;
                        checkPrivate(ResponseGuide.privateDraft(review), all);
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "ResponseDraftsGolden: %d reviews, %d public drafts and %d private drafts checked%n",
                texts.size(),
                publicDrafts,
                privateDrafts);
    }

    @Test
    void draftsNameWhatTheReviewRaisedInNeutralWords() {
        for (String[] example : REVIEWS) {
            Review review = Review.of(example[1]);
            for (PracticeType practice : PracticeType.values()) {
                String reply = ResponseGuide.publicReply(practice, review);
                if (example[0].equals("-")) {
                    assertTrue(reply.contains("We take every concern seriously"), reply);
                } else {
                    assertTrue(reply.contains(example[0]), example[1] + " -> " + reply);
                    assertTrue(reply.contains("Concerns about "), reply);
                    assertTrue(ResponseGuide.privateDraft(review).contains(example[0]), reply);
                }
            }
        }
    }

    @Test
    void theGoldenHealthCareReplyForAWaitReview() {
        assertEquals(
                "Thank you for taking the time to share this. Concerns about wait times matter to us, and we take every"
                        + " one seriously. Privacy rules keep us from discussing anything here, but we would welcome a"
                        + " conversation: please call our office and ask for [name]. — [name], [role]",
                ResponseGuide.publicReply(
                        PracticeType.HEALTHCARE, Review.of("Waited an hour past my appointment with Dr. Lee on 3/4.")));
    }

    private static void checkPublic(String reply, PracticeType practice, Review review) {
        assertTrue(reply.getBytes(StandardCharsets.UTF_8).length <= ResponseGuide.PUBLIC_REPLY_LIMIT_BYTES, reply);
        assertTrue(reply.endsWith(SIGNATURE), "signed: " + reply);
        assertTrue(reply.contains("please call"), "takes it offline: " + reply);
        if (practice != PracticeType.HEALTHCARE) {
            return;
        }
        Matcher confirming = CONFIRMING.matcher(reply);
        assertFalse(
                confirming.find(),
                "confirms a client with '" + (confirming.hitEnd() ? "" : confirming.group()) + "': " + reply);
        for (String name : capitalizedWordsIn(review.text())) {
            assertFalse(
                    Pattern.compile("\\b" + Pattern.quote(name) + "\\b")
                                    .matcher(reply)
                                    .find()
                            && !TEMPLATE_WORDS.contains(name),
                    "names '" + name + "' from the review: " + reply);
        }
        assertEquals(
                Optional.empty(),
                CoachingRules.review(
                        CoachingRules.forPractice(PracticeType.HEALTHCARE), Step.RESPONSE_PLAN, "reply: " + reply),
                "the coach's own confidentiality check passes its draft");
    }

    private static void checkPrivate(String draft, String paths) {
        assertTrue(
                draft.startsWith("There's something I'd like to talk about that may be uncomfortable. Would you be open"
                        + " to that? If not, I understand."),
                "asks permission first: " + draft);
        assertTrue(draft.endsWith("What do you think would help?"), "invites their view: " + draft);
        assertTrue(paths.indexOf("*A private conversation*") < paths.indexOf("*A short public reply*"), paths);
    }

    /** Capitalised words the template itself uses, which are not names from a review. */
    private static final Set<String> TEMPLATE_WORDS = Set.of("Thank", "Concerns", "Privacy", "We", "Please");

    private static Set<String> capitalizedWordsIn(String text) {
        Set<String> words = new HashSet<>();
        Matcher matcher = Pattern.compile("\\b\\p{Lu}\\p{Ll}+\\b").matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static String[] review(String topic, String text) {
        return new String[] {topic, text};
    }
}
