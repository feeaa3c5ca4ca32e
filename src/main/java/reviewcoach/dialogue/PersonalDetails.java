package reviewcoach.dialogue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses, phone numbers and similar identifiers in pasted text, for offices that choose not to keep
 * them. Thread-safe.
 */
public final class PersonalDetails {

    private record Mask(Pattern pattern, String replacement) {}

    private static final List<Mask> MASKS = List.of(
            new Mask(
                    Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
                    "[email removed]"),
            new Mask(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "[number removed]"),
            new Mask(
                    Pattern.compile(
                            "(?<![\\w-])(\\+?\\d{1,3}[\\s.-]?)?(\\(\\d{2,4}\\)|\\d{2,4})[\\s.-]?\\d{3,4}[\\s.-]?\\d{3,4}"
                                    + "(?![\\w-])"),
                    "[phone removed]"),
            new Mask(Pattern.compile("\\b\\d{8,19}\\b"), "[number removed]"));

    private PersonalDetails() {}

    /** The text with every e-mail address, phone number and long identifying number replaced by a marker. */
    public static String mask(String text) {
        String masked = text;
        for (Mask mask : MASKS) {
            masked = mask.pattern().matcher(masked).replaceAll(Matcher.quoteReplacement(mask.replacement()));
        }
        return masked;
    }
}
