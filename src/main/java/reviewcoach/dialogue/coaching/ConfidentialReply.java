package reviewcoach.dialogue.coaching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reviewcoach.dialogue.Step;

/**
 * For health care: a public reply the team drafts in the plan ({@code reply: …}) must never confirm that the reviewer
 * is or was a client or patient, nor mention a visit, session, appointment, treatment, diagnosis, date or name. US
 * health-privacy regulators have fined practices for exactly that.
 */
final class ConfidentialReply implements CoachingRule {

    private static final Pattern DRAFT =
            Pattern.compile("(?is)^\\s*(?:public reply|reply|draft|response)\\s*:\\s*(.+)$");
    private static final String MONTH =
            "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern CONFIRMING = Pattern.compile(
            "(?i)\\b(?:your (?:last |recent |first |next )?(?:appointments?|sessions?|visits?|treatments?|therapy|therapist|"
                    + "care|procedures?|cleanings?|exams?|diagnos[ie]s|medications?|prescriptions?|charts?|records?|"
                    + "files?|results?|x-rays?|check-?ups?|consultations?|surgery|fillings?|crowns?|intake)"
                    + "|when you (?:came in|visited|saw us|were here|were in|were seen|called us)"
                    + "|as your (?:therapist|doctor|dentist|provider|counsel?lor|clinician|physician|nurse)"
                    + "|(?:our|a) (?:patients?|clients?) (?:like you|of ours)|you (?:are|were) (?:a|our) (?:patient|client)"
                    + "|our (?:records|chart|notes) show|diagnos(?:is|ed|e)|treated you|saw you|seeing you"
                    + "|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                    + "|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|" + MONTH + "\\.? \\d{1,2}(?:st|nd|rd|th)?"
                    + "|(?:dear|hi|hello) (?-i:[A-Z][a-z]+))\\b");

    @Override
    public Optional<Concern> review(Step step, String text) {
        if (step != Step.RESPONSE_PLAN) {
            return Optional.empty();
        }
        Matcher draft = DRAFT.matcher(text);
        if (!draft.matches()) {
            return Optional.empty();
        }
        List<String> quoted = confirmingWords(draft.group(1));
        if (quoted.isEmpty()) {
            return Optional.empty();
        }
        String words =
                String.join(", ", quoted.stream().map(word -> "“" + word + "”").toList());
        return Optional.of(new Concern(
                quoted,
                words + (quoted.size() == 1 ? " confirms" : " confirm")
                        + " that the reviewer is a client, which a public reply must never do in health care"
                        + " (regulators have fined practices for it). A safer shape: We take every concern seriously"
                        + " and would welcome the chance to talk. Please call our office at … — [name], [role]."));
    }

    /** The client-confirming words in a draft, as written, in order and without repeats. */
    static List<String> confirmingWords(String draft) {
        Set<String> seen = new HashSet<>();
        List<String> found = new ArrayList<>();
        Matcher matcher = CONFIRMING.matcher(draft);
        while (matcher.find()) {
            String words = matcher.group().strip();
            if (seen.add(words.toLowerCase(Locale.ROOT))) {
                found.add(words);
            }
        }
        return found;
    }
}
