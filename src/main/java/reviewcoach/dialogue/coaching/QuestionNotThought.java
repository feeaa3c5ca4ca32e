package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import reviewcoach.dialogue.Step;

/**
 * A question is not yet a thought: "what if they're right?" is what the mind asks, and the thought is its answer. The
 * coach asks, gently, for the answer. Questions the reviewer asked, in quotation marks, do not count.
 *
 * <p>Immutable and thread-safe.
 */
final class QuestionNotThought implements CoachingRule {

    /** Emoji, emoji codes and spaces at the end of a line, which say nothing about whether it asks. */
    private static final Pattern TRAILING_DECORATION =
            Pattern.compile("(?:\\s|:[a-z0-9_+'\\-]+:|[^\\p{L}\\p{N}.!?…\"”’')\\]])+$", Pattern.CASE_INSENSITIVE);

    /** A break after which the writer goes on, which an unmarked question does not have: "What if we called — …". */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:.!—–…]|\\s-\\s");

    private static final Set<String> QUESTION_WORDS = Set.of("what", "why", "how", "who", "when", "where", "which");

    /** Verbs that open a yes-or-no question when a subject follows: "Is this…", "Did we…", "Should I…". */
    private static final Set<String> OPENING_VERBS = Set.of(
            "is",
            "are",
            "was",
            "were",
            "am",
            "do",
            "does",
            "did",
            "can",
            "could",
            "would",
            "will",
            "should",
            "shall",
            "have",
            "has",
            "had",
            "isn't",
            "aren't",
            "wasn't",
            "weren't",
            "don't",
            "doesn't",
            "didn't",
            "can't",
            "couldn't",
            "wouldn't",
            "won't",
            "shouldn't",
            "haven't",
            "hasn't");

    /** Words that, right after a question word, make it ask: "why didn't", "how could", "what's". */
    private static final Set<String> ASKING_VERBS = Stream.concat(
                    OPENING_VERBS.stream(),
                    Stream.of("what's", "who's", "how's", "why's", "if", "come", "many", "much", "long", "else"))
            .collect(Collectors.toUnmodifiableSet());

    /** Who a yes-or-no question is about: "Did *we*…", "Is *this*…"; "Did the best we could" is a statement. */
    private static final Set<String> SUBJECTS = Set.of(
            "i",
            "we",
            "you",
            "they",
            "she",
            "he",
            "it",
            "this",
            "that",
            "there",
            "anyone",
            "anybody",
            "everyone",
            "everybody",
            "someone",
            "somebody",
            "nobody",
            "people",
            "our",
            "my",
            "her",
            "his",
            "their");

    /** "Is the billing system broken" asks; "Did the best we could" does not, so only "to be" takes "the". */
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't");

    @Override
    public Optional<Concern> review(Step step, String text) {
        if (step.kind() != Step.THOUGHT || !isQuestion(text)) {
            return Optional.empty();
        }
        String reason = step == Step.THOUGHT
                ? "That’s a question, and a fair one to ask. The thought is the answer your mind gives it: what do"
                        + " you believe the answer is? Write that as a sentence."
                : "That’s a good question to carry. For the new thought, what answer to it could we believe?";
        return Optional.of(new Concern(List.of(text.strip()), reason));
    }

    /** Whether the line, outside quotation marks, asks rather than says. */
    static boolean isQuestion(String text) {
        String line = TRAILING_DECORATION.matcher(Quotations.blankOut(text)).replaceAll("");
        if (line.endsWith("?")) {
            return true;
        }
        if (line.contains("?")
                || CLAUSE_BREAK.matcher(line.replaceAll("[.!…]+$", "")).find()) {
            return false;
        }
        List<Word> words = Word.in(line);
        if (words.size() < 2) {
            return false;
        }
        String first = words.get(0).form();
        String second = words.get(1).form();
        if (first.equals("what") || first.equals("how")) {
            return ASKING_VERBS.contains(second);
        }
        if (QUESTION_WORDS.contains(first)) {
            return ASKING_VERBS.contains(second) || first.equals("why") && second.equals("not");
        }
        return OPENING_VERBS.contains(first)
                && (SUBJECTS.contains(second) || BE.contains(first) && second.equals("the"));
    }
}
