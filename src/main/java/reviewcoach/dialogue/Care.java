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

    private static final List<Pattern> DISTRESS = List.of(
            Pattern.compile("\\b(kill|hurt|harm|cut) (myself|my self)\\b"),
            Pattern.compile("\\bsuicid(e|al)\\b"),
            Pattern.compile("\\bself[- ]?harm"),
            Pattern.compile("\\b(want|wanted|wanting|going) to die\\b"),
            Pattern.compile("\\bwish (i|i'd|i had|i was|i were) (was |were )?(dead|never born|not here|gone)\\b"),
            Pattern.compile("\\b(end|ending) (it all|my life|everything)\\b"),
            Pattern.compile(
                    "\\b(no|not any|isn't any|is no) (point|reason) (in |to )?(living|live|going on|being alive)\\b"),
            Pattern.compile("\\bbetter off (dead|without me)\\b"),
            Pattern.compile("\\b(can't|cannot|can not) go on\\b"),
            Pattern.compile("\\bdon'?t want to (be here|live|wake up)( anymore)?\\b"),
            Pattern.compile("\\b(take|taking) my (own )?life\\b"));

    private Care() {}

    /** True when the line shows someone in real distress. */
    public static boolean isDistress(String text) {
        String line = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return DISTRESS.stream().anyMatch(pattern -> pattern.matcher(line).find());
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
