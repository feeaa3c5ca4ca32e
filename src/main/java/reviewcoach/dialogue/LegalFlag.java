package reviewcoach.dialogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notices a review that mentions lawyers, lawsuits, regulators or complaints to a board: the office should talk to
 * counsel (or its malpractice insurer) before replying. Thread-safe.
 */
public final class LegalFlag {

    private static final Pattern LEGAL = Pattern.compile(
            "\\b(lawyers?|attorneys?|lawsuits?|legal action|sue|suing|sued|court|small claims|"
                    + "licensing board|medical board|state board|dental board|board of (?:dentistry|medicine|"
                    + "psychology|nursing|behavioral health)|hipaa(?: complaint| violation)?|malpractice|"
                    + "negligence claim|report(?:ed|ing)? (?:you|them|this|it) to the (?:board|state|bbb)|"
                    + "better business bureau|bbb complaint|attorney general|regulators?|class action)\\b",
            Pattern.CASE_INSENSITIVE);

    private LegalFlag() {}

    /** The legal words the text uses, as written, in order and without repeats; empty when there are none. */
    public static List<String> wordsIn(String text) {
        Set<String> seen = new HashSet<>();
        List<String> found = new ArrayList<>();
        Matcher matcher = LEGAL.matcher(text);
        while (matcher.find()) {
            if (seen.add(matcher.group().toLowerCase(Locale.ROOT))) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    /** The advice shown with a review that mentions legal steps, quoting the words. */
    public static String advice(List<String> words) {
        List<String> quoted = words.stream()
                .map(word -> "“" + word.toLowerCase(Locale.ROOT) + "”")
                .toList();
        return "This review mentions " + String.join(", ", quoted) + ". Before anyone replies, in public or in"
                + " private, please talk to your lawyer or malpractice insurer.";
    }
}
