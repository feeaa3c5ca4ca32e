package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.Set;

/**
 * Reads who a line is about: the team ("we", "I", "our team") or someone else (the reviewer, customers, people), from
 * the word lists {@code ours.txt} and {@code others.txt}. Quoted words are the reviewer's and are not read.
 *
 * <p>Immutable and thread-safe.
 */
final class WhoItIsAbout {

    private static final WordList OURS = WordList.fromResource("ours.txt");
    private static final WordList OTHERS = WordList.fromResource("others.txt");
    private static final WordList OTHERS_SHOULD = WordList.fromResource("others-should.txt");

    /** Words that may stand between someone and what they should do: "she *just* needs to", "he *really* should". */
    private static final Set<String> ADVERBS = Set.of("just", "really", "also", "still", "simply", "honestly", "so");

    private WhoItIsAbout() {}

    /** Whether the line opens with someone other than us: "She is happy now", "The reviewer should…". */
    static boolean startsWithOthers(String text) {
        List<Word> first = firstRun(text);
        return !first.isEmpty() && OTHERS.longestMatchAt(first, 0, Set::of) > 0;
    }

    /** Whether the line opens with us: "We…", "I…", "Our team…". */
    static boolean startsWithUs(String text) {
        return ourWordsAtStart(text) > 0;
    }

    /** How many words at the start of the line name us ("our team" is two), or 0. */
    static int ourWordsAtStart(String text) {
        List<Word> first = firstRun(text);
        return first.isEmpty() ? 0 : OURS.longestMatchAt(first, 0, Set::of);
    }

    /** Whether the line names us anywhere: "…because *we* never answered". */
    static boolean mentionsUs(String text) {
        for (List<Word> run : Word.runs(Quotations.blankOut(text))) {
            for (int at = 0; at < run.size(); at++) {
                if (OURS.longestMatchAt(run, at, Set::of) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the line says what someone else should, must or needs to do: "she should have called us first". */
    static boolean saysWhatOthersShouldDo(String text) {
        for (List<Word> run : Word.runs(Quotations.blankOut(text))) {
            for (int at = 0; at < run.size(); at++) {
                int someone = OTHERS.longestMatchAt(run, at, Set::of);
                if (someone == 0) {
                    continue;
                }
                int next = at + someone;
                while (next < run.size() && ADVERBS.contains(run.get(next).form())) {
                    next++;
                }
                if (next < run.size() && OTHERS_SHOULD.longestMatchAt(run, next, Inflections::baseForms) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Word> firstRun(String text) {
        List<List<Word>> runs = Word.runs(Quotations.blankOut(text));
        return runs.isEmpty() ? List.of() : runs.get(0);
    }
}
