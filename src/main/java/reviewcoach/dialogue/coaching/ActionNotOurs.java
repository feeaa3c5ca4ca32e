package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import reviewcoach.dialogue.Step;

/**
 * Actions in the model are ours: when a line says what the reviewer or a customer should do, or did ("they should
 * have called us first", "she needs to take it down"), the coach points that out warmly and asks what we did.
 *
 * <p>Immutable and thread-safe.
 */
final class ActionNotOurs implements CoachingRule {

    /** Openings that wish someone else had acted: "I wish she had called", "if only he had asked". */
    private static final Set<String> WISHES = Set.of("i wish", "we wish", "if only", "wish");

    @Override
    public Optional<Concern> review(Step step, String text) {
        if (step.kind() != Step.ACTION || !isSomeoneElses(text)) {
            return Optional.empty();
        }
        String question = step == Step.ACTION
                ? "what did we do, or not do, when we felt that way?"
                : "what would we do to get the result we want?";
        return Optional.of(new Concern(
                List.of(text.strip()),
                "That’s about what someone else could do, and that part is theirs to choose. The action in our model"
                        + " is ours: " + question));
    }

    /** Whether the line is about someone else's action rather than ours. */
    static boolean isSomeoneElses(String text) {
        if (WhoItIsAbout.startsWithOthers(text)) {
            return true;
        }
        if (WhoItIsAbout.startsWithUs(text) && !startsWithWish(text)) {
            return false;
        }
        return startsWithWish(text) && WhoItIsAbout.startsWithOthers(afterWish(text))
                || WhoItIsAbout.saysWhatOthersShouldDo(text);
    }

    private static boolean startsWithWish(String text) {
        List<Word> words = Word.in(text);
        return words.size() > 1
                && (WISHES.contains(words.get(0).form())
                        || WISHES.contains(
                                words.get(0).form() + " " + words.get(1).form()));
    }

    private static String afterWish(String text) {
        List<Word> words = Word.in(text);
        int skip = WISHES.contains(words.get(0).form()) && !words.get(0).form().equals("if") ? 1 : 2;
        return skip < words.size() ? text.substring(words.get(skip).start()) : "";
    }
}
