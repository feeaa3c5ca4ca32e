package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.stream.Collectors;

/** How concerns put words into sentences: quoted words in curly quotes, lists joined the way people say them. */
final class Wording {

    private Wording() {}

    /** “rude”, “rude” and “always”, or “rude”, “always” and “lazy”. */
    static String quoted(List<String> words) {
        return joined(words.stream().map(word -> "“" + word + "”").toList(), "and");
    }

    /** hurt, anxious or embarrassed. */
    static String choices(List<String> words) {
        return joined(words, "or");
    }

    private static String joined(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        String head = items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", "));
        return head + " " + conjunction + " " + items.get(items.size() - 1);
    }
}
