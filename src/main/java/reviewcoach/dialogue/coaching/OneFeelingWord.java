package reviewcoach.dialogue.coaching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.FeelingLine.Part;
import reviewcoach.dialogue.coaching.FeelingVocabulary.Kind;

/**
 * Questions a feeling that is not one word naming an emotion: a thought ("I feel like they are unfair"), a body state
 * ("tired"), what someone did ("attacked"), a vague word ("bad"), a negation ("not happy"), a word it does not know,
 * or more than one emotion ("sad and angry": the model takes one feeling at a time, so it asks for the strongest).
 *
 * <p>Decoration is fine: punctuation, emoji, "I feel", "I'm", "so", "really", and a short tail such as "about it" or
 * "at the reviewer". Immutable and thread-safe.
 */
final class OneFeelingWord implements CoachingRule {

    private static final FeelingVocabulary STANDARD = FeelingVocabulary.standard();

    /** Feeling words to offer when a list suggests none: ones a hard review often brings, or ones worth choosing. */
    private static final List<String> CURRENT_SUGGESTIONS = List.of("hurt", "anxious", "embarrassed", "frustrated");

    private static final List<String> INTENTIONAL_SUGGESTIONS =
            List.of("calm", "confident", "curious", "compassionate");

    private final FeelingVocabulary vocabulary;

    OneFeelingWord() {
        this(STANDARD);
    }

    OneFeelingWord(FeelingVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    @Override
    public Optional<Concern> review(Step step, String text) {
        if (step.kind() != Step.FEELING) {
            return Optional.empty();
        }
        boolean intentional = step.part() == Step.Part.INTENTIONAL;
        List<Part> parts = FeelingLine.read(text, vocabulary).parts();
        if (parts.isEmpty()) {
            List<String> quoted = text.isBlank() ? List.of() : List.of(text.strip());
            String reason =
                    "A feeling is one word for an emotion. Which fits: " + choices(List.of(), intentional) + "?";
            return Optional.of(new Concern(quoted, reason));
        }
        Optional<Part> problem =
                parts.stream().filter(part -> part.kind() != Kind.EMOTION).findFirst();
        if (problem.isPresent()) {
            Part part = problem.get();
            String quoted = Word.asWritten(text, part.words());
            String choices = choices(Word.forms(part.words()), intentional);
            return Optional.of(
                    new Concern(List.of(quoted), "“" + quoted + "”" + reason(part, text, choices, intentional)));
        }
        return several(parts, text, intentional);
    }

    /** Questions a line naming more than one emotion ("sad and angry"), asking for the one that matters most. */
    private static Optional<Concern> several(List<Part> emotions, String text, boolean intentional) {
        Map<String, String> named = new LinkedHashMap<>();
        for (Part emotion : emotions) {
            String asWritten = Word.asWritten(text, emotion.words());
            named.putIfAbsent(asWritten.toLowerCase(Locale.ROOT), asWritten);
        }
        if (named.size() == 1) {
            return Optional.empty();
        }
        List<String> quoted = List.copyOf(named.values());
        String are = quoted.size() == 2 ? " are both feelings." : " are all feelings.";
        String which = intentional ? "which one do you most want to feel?" : "which is strongest right now?";
        return Optional.of(
                new Concern(quoted, Wording.quoted(quoted) + are + " The model takes one at a time: " + which));
    }

    /** What a concern says after quoting the words it questions. */
    private static String reason(Part part, String text, String choices, boolean intentional) {
        String thoughtStep = (intentional ? Step.NEW_THOUGHT : Step.THOUGHT).title();
        return switch (part.kind()) {
            case THOUGHT ->
                part.emotion().isEmpty()
                        ? " is a thought, and it fits under " + thoughtStep + ". What do you feel when you think it: "
                                + choices + "?"
                        : " is the thought behind it, and it fits under " + thoughtStep + ". For the feeling, “"
                                + Word.asWritten(text, part.emotion()) + "” on its own is enough.";
            case BODY_STATE ->
                " describes your body or your day more than an emotion. What emotion sits under it: " + choices + "?";
            case DONE_TO ->
                intentional
                        ? " depends on what others do. What would you like to feel, whatever they do: " + choices + "?"
                        : " says what someone did more than what you felt. What did you feel: " + choices + "?";
            case VAGUE -> " doesn’t name an emotion yet. Which comes closest: " + choices + "?";
            case NEGATED -> " says what you don’t feel. What do you feel instead: " + choices + "?";
            case UNKNOWN ->
                " isn’t a feeling word I know. If it names an emotion for you, keep it; if not, try one" + " word like "
                        + choices + ".";
            case EMOTION -> throw new IllegalArgumentException("an emotion is not a concern");
        };
    }

    /** The words a list suggests for what was written, or the usual ones for this part of the exercise. */
    private String choices(List<String> written, boolean intentional) {
        List<String> hints = vocabulary.hints(written, intentional);
        if (hints.isEmpty()) {
            hints = intentional ? INTENTIONAL_SUGGESTIONS : CURRENT_SUGGESTIONS;
        }
        return Wording.choices(hints);
    }
}
