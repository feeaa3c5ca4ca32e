package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The words the coach knows for a Feeling step: emotions it accepts, the kinds of words people write instead (body
 * states, what others did to us or for us, vague words), and the lead-ins and tails it sets aside ("I feel …",
 * "… right now").
 *
 * <p>Immutable and thread-safe.
 */
record FeelingVocabulary(
        WordList emotions,
        WordList bodyStates,
        WordList doneTo,
        WordList doneFor,
        WordList vague,
        WordList leadIns,
        WordList tails) {

    /** What kind of word a feeling line (or one part of it) is. */
    enum Kind {
        EMOTION,
        BODY_STATE,
        DONE_TO,
        VAGUE,
        NEGATED,
        THOUGHT,
        UNKNOWN
    }

    /** The vocabulary kept in {@code src/main/resources/coaching/}. */
    static FeelingVocabulary standard() {
        return new FeelingVocabulary(
                WordList.fromResource("feeling-words.txt"),
                WordList.fromResource("body-states.txt"),
                WordList.fromResource("done-to-words.txt"),
                WordList.fromResource("done-for-words.txt"),
                WordList.fromResource("vague-words.txt"),
                WordList.fromResource("feeling-lead-ins.txt"),
                WordList.fromResource("feeling-tails.txt"));
    }

    /** The kind of a whole phrase, when one of the lists holds it exactly. */
    Optional<Kind> kindOf(List<String> words) {
        if (emotions.contains(words)) {
            return Optional.of(Kind.EMOTION);
        } else if (bodyStates.contains(words)) {
            return Optional.of(Kind.BODY_STATE);
        } else if (doneTo.contains(words) || doneFor.contains(words)) {
            return Optional.of(Kind.DONE_TO);
        } else if (vague.contains(words)) {
            return Optional.of(Kind.VAGUE);
        }
        return Optional.empty();
    }

    /**
     * The feeling words a list suggests for a phrase it holds, or an empty list. In an intentional model, what others
     * did to us suggests nothing: its hints name what it felt like, not what we would choose to feel.
     */
    List<String> hints(List<String> words, boolean intentional) {
        List<WordList> lists =
                intentional ? List.of(bodyStates, doneFor, vague) : List.of(bodyStates, doneTo, doneFor, vague);
        for (WordList list : lists) {
            if (list.contains(words)) {
                return list.hints(words);
            }
        }
        return List.of();
    }

    /** How many words at the start are a lead-in such as "I feel", "I'm" or "really"; 0 when none. */
    int leadInLength(List<Word> words) {
        return words.isEmpty() ? 0 : leadIns.longestMatchAt(words, 0, Set::of);
    }

    /** How many words at the end are a tail such as "right now" or "about it"; 0 when none. */
    int tailLength(List<Word> words) {
        for (int length = Math.min(4, words.size()); length > 0; length--) {
            if (tails.contains(Word.forms(words.subList(words.size() - length, words.size())))) {
                return length;
            }
        }
        return 0;
    }
}
