package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.FeelingVocabulary.Kind;

/**
 * A result in the model is our own: what comes of our actions, for us. When a line is about the reviewer or other
 * people and not tied to anything we did ("she is happy now"), or is a feeling ("we feel worse"), the coach asks for
 * our result; "the customer leaves more reviews because we never answered" is ours, so it stays.
 *
 * <p>Immutable and thread-safe.
 */
final class ResultNotOurs implements CoachingRule {

    private static final FeelingVocabulary VOCABULARY = FeelingVocabulary.standard();

    /** Kinds of words that make a short line a feeling rather than a result: "frustrated", "so stressed". */
    private static final Set<Kind> FEELING_KINDS = Set.of(Kind.EMOTION, Kind.BODY_STATE, Kind.DONE_TO);

    @Override
    public Optional<Concern> review(Step step, String text) {
        if (step.kind() != Step.RESULT) {
            return Optional.empty();
        }
        boolean intentional = step == Step.NEW_RESULT;
        String ours = intentional
                ? "what result do we want, for us?"
                : "what comes of our actions, for us? Often it proves the thought we started with.";
        if (isFeeling(text)) {
            return Optional.of(new Concern(
                    List.of(text.strip()),
                    "That’s a feeling, and it has its own step. The result is what happens because of what we do: "
                            + ours));
        }
        if (WhoItIsAbout.startsWithOthers(text) && !WhoItIsAbout.mentionsUs(text)) {
            return Optional.of(new Concern(
                    List.of(text.strip()),
                    "That’s about someone else, and their part is theirs. The result in our model is ours: " + ours));
        }
        return Optional.empty();
    }

    /** A line that names how we feel ("we feel worse", "I'm embarrassed", "guilty and ashamed"). */
    static boolean isFeeling(String text) {
        int us = WhoItIsAbout.ourWordsAtStart(text);
        List<Word> words = Word.in(Quotations.blankOut(text));
        if (us > 0 && us < words.size()) {
            String verb = words.get(us).form();
            if (verb.startsWith("feel") || verb.equals("felt")) {
                return true;
            }
        }
        List<FeelingLine.Part> parts = FeelingLine.read(text, VOCABULARY).parts();
        return !parts.isEmpty() && parts.stream().allMatch(part -> FEELING_KINDS.contains(part.kind()));
    }
}
