package reviewcoach.slack.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one way user text enters a Slack message: control characters escaped and broadcast mentions neutralised, so
 * that nobody can format links or page a whole channel through the bot. Also cuts text to Slack's limits.
 *
 * @see <a href="https://docs.slack.dev/messaging/formatting-message-text#escaping">Escaping text</a>
 */
public final class SlackText {

    /** Slack's limit for the text of a section block. */
    public static final int SECTION_LIMIT = 3000;

    private static final String WORD_JOINER = "\u2060";
    private static final Pattern BROADCAST = Pattern.compile("(?i)@(channel|here|everyone)\\b");

    private SlackText() {}

    /**
     * Escapes {@code & < >} and breaks {@code @channel}, {@code @here} and {@code @everyone} so Slack shows them as
     * words; {@code <!channel>} and user-group mentions are already harmless once {@code < >} are escaped.
     */
    public static String escape(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return BROADCAST.matcher(escaped).replaceAll("@" + WORD_JOINER + "$1");
    }

    /** Cuts text to at most {@code limit} characters, ending with an ellipsis when cut, never inside an escape. */
    public static String shorten(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit - 1;
        int ampersand = text.lastIndexOf('&', end);
        if (ampersand >= 0 && ampersand > end - 6 && text.indexOf(';', ampersand) >= end) {
            end = ampersand;
        }
        if (Character.isLowSurrogate(text.charAt(end)) && end > 0) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Quotes text as a Slack block quote, line by line. The text must already be escaped. */
    public static String quote(String escaped) {
        return "&gt; " + escaped.replace("\n", "\n&gt; ");
    }

    /**
     * Splits text into chunks of at most {@code limit} characters, preferring line breaks, then spaces; never inside
     * an escape such as {@code &amp;}.
     */
    public static List<String> split(String text, int limit) {
        List<String> chunks = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            if (cut < limit / 2) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut < limit / 2) {
                cut = limit;
            }
            int ampersand = rest.lastIndexOf('&', cut - 1);
            if (ampersand >= 0 && ampersand > cut - 6 && rest.indexOf(';', ampersand) >= cut) {
                cut = ampersand;
            }
            if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                cut--;
            }
            chunks.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }
}
