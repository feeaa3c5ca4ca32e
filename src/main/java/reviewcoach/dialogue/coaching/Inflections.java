package reviewcoach.dialogue.coaching;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Light stemming for English judgment words: the base forms a written word may be an inflection of, so a list that
 * holds "rude", "lie" and "overreact" also catches "rudest", "rudely", "rudeness", "lied", "lying" and
 * "overreaction".
 *
 * <p>It guesses generously (it may offer "rud" for "rude"); that is harmless because a guess only counts when the
 * word list holds it.
 */
final class Inflections {

    private Inflections() {}

    /** The word itself and every base form it may be an inflection of. */
    static Set<String> baseForms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        String stem = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        forms.add(stem);
        if (stem.length() < 4) {
            return forms;
        }
        addStems(stem, "iness", forms, "y");
        addStems(stem, "ness", forms, "");
        addStems(stem, "ally", forms, "al", "");
        addStems(stem, "ily", forms, "y");
        addStems(stem, "ly", forms, "", "le");
        addStems(stem, "iest", forms, "y");
        addStems(stem, "ier", forms, "y");
        addStems(stem, "ied", forms, "y");
        addStems(stem, "ies", forms, "y", "ie");
        addStems(stem, "ying", forms, "ie", "y");
        addStems(stem, "ing", forms, "", "e");
        addStems(stem, "ion", forms, "", "e");
        addStems(stem, "est", forms, "", "e");
        addStems(stem, "ed", forms, "", "e");
        addStems(stem, "er", forms, "", "e");
        addStems(stem, "es", forms, "", "e");
        if (stem.endsWith("s") && !stem.endsWith("ss")) {
            forms.add(stem.substring(0, stem.length() - 1));
        }
        return forms;
    }

    /** Strips {@code suffix} and adds the root with each ending, and the root with a doubled consonant undone. */
    private static void addStems(String word, String suffix, Set<String> forms, String... endings) {
        if (!word.endsWith(suffix) || word.length() == suffix.length()) {
            return;
        }
        String root = word.substring(0, word.length() - suffix.length());
        for (String ending : endings) {
            forms.add(root + ending);
        }
        int last = root.length() - 1;
        if (last > 0 && root.charAt(last) == root.charAt(last - 1) && !isVowel(root.charAt(last))) {
            forms.add(root.substring(0, last)); // ripped -> rip, biggest -> big
        }
    }

    private static boolean isVowel(char letter) {
        return "aeiouy".indexOf(letter) >= 0;
    }
}
