package reviewcoach.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Notices when a line shows someone in real distress (words of self-harm or of not wanting to live). The coach then
 * answers with care and points to real help instead of coaching that line. Everyday figures of speech ("this review is
 * killing me", "I could die of embarrassment") are not distress. Thread-safe.
 */
public final class Care {

    /** The phrases of distress, each matched from the start of a word. */
    private static final List<String> PHRASES = List.of(
            "(kill|hurt|harm|cut) (myself|my self)\\b",
            "suicid(e|al)\\b",
            "self[- ]?harm",
            "(want|wanted|wanting|going) to die\\b",
            "wish (i|i'd|i had|i was|i were) (was |were )?(dead|never born|not here|gone)\\b",
            "(end|ending) (it all|my life|everything)\\b",
            "(no|not any|isn't any|is no) (point|reason) (in |to )?(living|live|going on|being alive)\\b",
            "better off (dead|without me)\\b",
            "(can't|cannot|can not) go on\\b",
            "don'?t want to (be here|live|wake up)( anymore)?\\b",
            "(take|taking) my (own )?life\\b");

    /** All of them in one pattern: one pass over the line, which the coach reads for every message in a session. */
    private static final Pattern DISTRESS = Pattern.compile("\\b(?:" + String.join("|", PHRASES) + ")");

    private Care() {}

    /** True when the line shows someone in real distress. */
    public static boolean isDistress(String text) {
        String line = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return DISTRESS.matcher(line).find();
    }

    /** The care answer: human, brief, and pointing to real help; empty when the line shows no distress. */
    public static Optional<String> answer(String text) {
        if (!isDistress(text)) {
            return Optional.empty();
        }
        return Optional.of("I'm really glad you said that here, and I'm setting the exercise aside for a moment."
                + " What you're carrying matters more than any review. Please reach out to someone now: in the US"
                + " you can call or text 988 (the Suicide & Crisis Lifeline), elsewhere your local emergency number"
                + " or a line from findahelpline.com. If you can, tell someone on the team you trust too."
                + " The review can wait.");
    }
}
