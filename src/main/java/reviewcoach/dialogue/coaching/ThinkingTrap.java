package reviewcoach.dialogue.coaching;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reviewcoach.dialogue.Step;

/**
 * Names a thinking trap in a thought (catastrophizing, mind reading, fortune telling, labeling, personalization,
 * all-or-nothing, overgeneralization, should statements) gently, as a question, one trap at a time; the thought is kept
 * either way. Words inside quotation marks are the reviewer's, so they are never read as the team's trap.
 *
 * <p>Immutable and thread-safe.
 */
final class ThinkingTrap implements CoachingRule {

    /**
     * The order traps are looked for, when a line falls into more than one: the most specific first, so "everyone
     * will think I'm horrible" is mind reading rather than labeling or overgeneralization, and "if one person hates us
     * we've failed" is all-or-nothing rather than mind reading.
     */
    static final List<Trap> ORDER = List.of(
            Trap.PERSONALIZATION,
            Trap.ALL_OR_NOTHING,
            Trap.MIND_READING,
            Trap.SHOULD,
            Trap.CATASTROPHIZING,
            Trap.FORTUNE_TELLING,
            Trap.LABELING,
            Trap.OVERGENERALIZATION);

    /** Forms of "to be" a label follows: "I'm a failure", "she's a liar", "our receptionist is useless". */
    private static final Set<String> BE =
            Set.of("i'm", "im", "we're", "she's", "he's", "they're", "you're", "am", "is", "are", "was", "were");

    /** Before "is" or "was", these make the line about a thing, not a person: "it's a disaster", "this is bad". */
    private static final Set<String> NOT_A_PERSON = Set.of("it", "this", "that", "there", "review", "what", "which");

    /** Small words that may stand between "to be" and the label: "such a", "just a", "a bunch of", "the". */
    private static final Set<String> FILLERS = Set.of(
            "a",
            "an",
            "the",
            "such",
            "just",
            "so",
            "really",
            "totally",
            "completely",
            "truly",
            "simply",
            "basically",
            "literally",
            "clearly",
            "obviously",
            "absolute",
            "complete",
            "total",
            "utter",
            "bunch",
            "of",
            "bit",
            "kind",
            "sort");

    private static final Map<Trap, WordList> STANDARD = standardLists();

    private final Map<Trap, WordList> lists;

    ThinkingTrap() {
        this(STANDARD);
    }

    ThinkingTrap(Map<Trap, WordList> lists) {
        this.lists = Map.copyOf(lists);
    }

    @Override
    public Optional<Concern> review(Step step, String text) {
        if (step != Step.THOUGHT) {
            return Optional.empty();
        }
        return trapIn(text)
                .map(found -> new Concern(List.of(found.words()), found.trap().concern()));
    }

    /** A trap the line falls into, and the words that show it, as written. */
    record Found(Trap trap, String words) {}

    /** The first trap, in {@link #ORDER}, that the line falls into. */
    Optional<Found> trapIn(String text) {
        for (Trap trap : ORDER) {
            WordList list = lists.get(trap);
            Optional<String> words = trap == Trap.LABELING ? label(list, text) : Phrases.firstIn(list, text);
            if (words.isPresent()) {
                return Optional.of(new Found(trap, words.get()));
            }
        }
        return Optional.empty();
    }

    /** A label said of a person: a form of "to be", a few small words, then the label ("I'm such a failure"). */
    private static Optional<String> label(WordList labels, String text) {
        for (List<Word> run : Word.runs(Quotations.blankOut(text))) {
            for (int at = 0; at < run.size(); at++) {
                if (!isPersonBe(run, at)) {
                    continue;
                }
                int next = at + 1;
                while (next < run.size() && FILLERS.contains(run.get(next).form())) {
                    next++;
                }
                if (next < run.size() && labels.longestMatchAt(run, next, Inflections::baseForms) > 0) {
                    return Optional.of(Word.asWritten(text, run.subList(at, next + 1)));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isPersonBe(List<Word> run, int at) {
        String form = run.get(at).form();
        if (!BE.contains(form)) {
            return false;
        }
        boolean plain = form.equals("is") || form.equals("was") || form.equals("are") || form.equals("were");
        return !plain || at == 0 || !NOT_A_PERSON.contains(run.get(at - 1).form());
    }

    private static Map<Trap, WordList> standardLists() {
        Map<Trap, WordList> lists = new EnumMap<>(Trap.class);
        for (Trap trap : Trap.values()) {
            lists.put(trap, WordList.fromResource(trap.listName()));
        }
        return lists;
    }
}
