package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.Optional;

/**
 * Finds the first entry of a word list in a line, outside quotation marks, matching simple inflections; the words the
 * coach then quotes as written.
 */
final class Phrases {

    private Phrases() {}

    /** The first (then longest) entry of {@code list} found in the line, as written, or empty. */
    static Optional<String> firstIn(WordList list, String text) {
        return firstWordsIn(list, text).map(words -> Word.asWritten(text, words));
    }

    /** The words of the first (then longest) entry of {@code list} found in the line, or empty. */
    static Optional<List<Word>> firstWordsIn(WordList list, String text) {
        for (List<Word> run : Word.runs(Quotations.blankOut(text))) {
            for (int at = 0; at < run.size(); at++) {
                int length = list.longestMatchAt(run, at, Inflections::baseForms);
                if (length > 0) {
                    return Optional.of(run.subList(at, at + length));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the line, outside quotation marks, starts with an entry of {@code list}. */
    static boolean startsWith(WordList list, String text) {
        List<List<Word>> runs = Word.runs(Quotations.blankOut(text));
        return !runs.isEmpty() && list.longestMatchAt(runs.get(0), 0, java.util.Set::of) > 0;
    }
}
