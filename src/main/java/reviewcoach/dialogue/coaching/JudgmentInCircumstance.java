package reviewcoach.dialogue.coaching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reviewcoach.dialogue.Step;

/**
 * Questions a circumstance that holds a judgment (an opinion, an evaluation, an absolute or a guess at intent) outside
 * quotation marks; the reviewer's own words in quotes are facts about the review.
 *
 * <p>Immutable and thread-safe.
 */
final class JudgmentInCircumstance implements CoachingRule {

    private static final WordList JUDGMENTS = WordList.fromResource("judgment-words.txt");
    private static final WordList NOT_JUDGMENTS = WordList.fromResource("not-judgments.txt");

    private final WordList judgments;
    private final WordList notJudgments;

    JudgmentInCircumstance() {
        this(JUDGMENTS, NOT_JUDGMENTS);
    }

    JudgmentInCircumstance(WordList judgments, WordList notJudgments) {
        this.judgments = judgments;
        this.notJudgments = notJudgments;
    }

    @Override
    public Optional<Concern> review(Step step, String text) {
        if (step.kind() != Step.CIRCUMSTANCE) {
            return Optional.empty();
        }
        List<String> found = judgmentsIn(text);
        return found.isEmpty() ? Optional.empty() : Optional.of(new Concern(found, reason(found)));
    }

    /** The judgment words and phrases outside quotation marks, as written, in order, each once. */
    List<String> judgmentsIn(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        for (List<Word> run : Word.runs(Quotations.blankOut(text))) {
            int at = 0;
            while (at < run.size()) {
                int neutral = notJudgments.longestMatchAt(run, at, Set::of);
                if (neutral > 0) {
                    at += neutral;
                    continue;
                }
                int length = judgments.longestMatchAt(run, at, Inflections::baseForms);
                if (length > 0) {
                    String asWritten = Word.asWritten(text, run.subList(at, at + length));
                    found.putIfAbsent(asWritten.toLowerCase(Locale.ROOT), asWritten);
                    at += length;
                } else {
                    at++;
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static String reason(List<String> found) {
        String judged = found.size() == 1 ? " is a judgment, not a fact." : " are judgments, not facts.";
        return Wording.quoted(found) + judged + " A circumstance holds only what anyone could check, like:"
                + " A review posted on [date] says “…”. Words the reviewer wrote can stay, in quotes.";
    }
}
