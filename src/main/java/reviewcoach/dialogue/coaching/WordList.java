package reviewcoach.dialogue.coaching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A list of words and phrases the coach recognises, kept as a text resource under {@code coaching/}: one entry a line,
 * {@code #} starts a comment, {@code *} after the first word stands for any one word, and {@code entry: a, b, c}
 * attaches hints (feeling words to suggest) to an entry.
 *
 * <p>Entries are read with the same word rules as the lines people write, so "Self-conscious" and "self conscious"
 * are one entry. Immutable and thread-safe.
 */
final class WordList {

    /** In an entry after its first word, stands for any one word: "very *" matches "very long". */
    static final String ANY_WORD = "*";

    private final Map<String, List<String>> hintsByEntry;
    private final Map<String, List<List<String>>> entriesByFirstWord;

    private WordList(Map<String, List<String>> hintsByEntry) {
        this.hintsByEntry = Map.copyOf(hintsByEntry);
        Map<String, List<List<String>>> byFirstWord = new HashMap<>();
        for (String entry : hintsByEntry.keySet()) {
            List<String> words = Arrays.asList(entry.split(" "));
            byFirstWord
                    .computeIfAbsent(words.get(0), first -> new ArrayList<>())
                    .add(List.copyOf(words));
        }
        byFirstWord
                .values()
                .forEach(entries ->
                        entries.sort(Comparator.comparingInt(List<String>::size).reversed()));
        this.entriesByFirstWord = Map.copyOf(byFirstWord);
    }

    /** Reads {@code coaching/<name>} from the classpath; a missing list is a packaging mistake, so it fails loudly. */
    static WordList fromResource(String name) {
        String path = "/coaching/" + name;
        try (InputStream in = WordList.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Missing word list " + path + " on the classpath; it belongs in src/main/resources/coaching/.");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return of(reader.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read word list " + path, e);
        }
    }

    /** Builds a list from lines in the resource format. */
    static WordList of(Collection<String> lines) {
        Map<String, List<String>> hintsByEntry = new HashMap<>();
        for (String line : lines) {
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] entryAndHints = content.split(":", 2);
            String entry = String.join(" ", entryWords(entryAndHints[0]));
            if (entry.isEmpty()) {
                continue;
            }
            List<String> hints = entryAndHints.length == 1
                    ? List.of()
                    : Arrays.stream(entryAndHints[1].split(","))
                            .map(String::strip)
                            .filter(hint -> !hint.isEmpty())
                            .toList();
            hintsByEntry.put(entry, hints);
        }
        return new WordList(hintsByEntry);
    }

    /** The words of an entry read like written words, keeping {@value #ANY_WORD} as a word of its own. */
    private static List<String> entryWords(String entry) {
        List<String> words = new ArrayList<>();
        for (String chunk : entry.strip().split("\\s+")) {
            if (chunk.equals(ANY_WORD)) {
                words.add(ANY_WORD);
            } else {
                words.addAll(Word.formsOf(chunk));
            }
        }
        return words;
    }

    static WordList of(String... lines) {
        return of(List.of(lines));
    }

    /** Whether the words, exactly, are one entry. */
    boolean contains(List<String> words) {
        return hintsByEntry.containsKey(String.join(" ", words));
    }

    /** The hints written after the entry, or an empty list. */
    List<String> hints(List<String> words) {
        return hintsByEntry.getOrDefault(String.join(" ", words), List.of());
    }

    /** Every entry, its words joined by single spaces. */
    Set<String> entries() {
        return hintsByEntry.keySet();
    }

    /** Every hint given for any entry. */
    Set<String> allHints() {
        Set<String> all = new LinkedHashSet<>();
        hintsByEntry.values().forEach(all::addAll);
        return all;
    }

    /**
     * How many words, starting at {@code from}, make up the longest entry found there; 0 when none.
     *
     * @param formsOf the forms a written word may stand for (itself, or also its base forms)
     */
    int longestMatchAt(List<Word> words, int from, Function<String, Set<String>> formsOf) {
        int longest = 0;
        for (String form : formsOf.apply(words.get(from).form())) {
            for (List<String> entry : entriesByFirstWord.getOrDefault(form, List.of())) {
                if (entry.size() > longest && matchesAt(entry, words, from, formsOf)) {
                    longest = entry.size();
                }
            }
        }
        return longest;
    }

    private static boolean matchesAt(
            List<String> entry, List<Word> words, int from, Function<String, Set<String>> formsOf) {
        if (from + entry.size() > words.size()) {
            return false;
        }
        for (int i = 1; i < entry.size(); i++) {
            String expected = entry.get(i);
            if (!expected.equals(ANY_WORD)
                    && !formsOf.apply(words.get(from + i).form()).contains(expected)) {
                return false;
            }
        }
        return true;
    }
}
