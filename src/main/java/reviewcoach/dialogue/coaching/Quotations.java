package reviewcoach.dialogue.coaching;

/**
 * Finds the words a line quotes from someone else: text inside quotation marks ("…", “…”, ‘…’, '…') and Slack quote
 * lines starting with {@code >}. Quoted words are the reviewer's own, so they are facts about the review, not
 * judgments of the writer.
 *
 * <p>An apostrophe inside or at the end of a word (don't, patients') is not a quotation mark.
 */
final class Quotations {

    private static final String DOUBLE_MARKS = "\"“”„«»";
    private static final String SINGLE_MARKS = "'‘’";
    private static final char BLANK = '\u0000';

    private Quotations() {}

    /**
     * The line with every quoted stretch, marks included, replaced by a character that is neither a letter nor a
     * space, so words keep their positions and no phrase can reach across a quotation.
     */
    static String blankOut(String text) {
        char[] chars = text.toCharArray();
        int i = 0;
        while (i < chars.length) {
            int end = quotedStretchEnd(text, i);
            if (end > i) {
                for (int j = i; j < end; j++) {
                    chars[j] = BLANK;
                }
                i = end;
            } else {
                i++;
            }
        }
        return new String(chars);
    }

    /** The end (exclusive) of a quoted stretch starting at {@code at}, or {@code at} when none starts there. */
    private static int quotedStretchEnd(String text, int at) {
        char mark = text.charAt(at);
        if (startsLine(text, at) && (text.startsWith(">", at) || text.startsWith("&gt;", at))) {
            return lineEnd(text, at);
        }
        if (DOUBLE_MARKS.indexOf(mark) >= 0) {
            int close = indexOfAny(text, DOUBLE_MARKS, at + 1, lineEnd(text, at));
            return close < 0 ? lineEnd(text, at) : close + 1; // an unclosed quotation runs to the end of the line
        }
        if (SINGLE_MARKS.indexOf(mark) >= 0 && opensSingleQuote(text, at)) {
            int close = singleQuoteClose(text, at + 1);
            return close < 0 ? at : close + 1;
        }
        return at;
    }

    /** A single mark opens a quotation when it starts a word: nothing word-like before it, something after it. */
    private static boolean opensSingleQuote(String text, int at) {
        boolean afterWord = at > 0 && Character.isLetterOrDigit(text.charAt(at - 1));
        boolean beforeText = at + 1 < text.length() && !Character.isWhitespace(text.charAt(at + 1));
        return !afterWord && beforeText;
    }

    /** A single mark closes a quotation when it ends a word: text before it, no letter after it (not "don't"). */
    private static int singleQuoteClose(String text, int from) {
        int end = lineEnd(text, from);
        for (int i = from; i < end; i++) {
            if (SINGLE_MARKS.indexOf(text.charAt(i)) < 0 || i == from) {
                continue;
            }
            boolean afterText = !Character.isWhitespace(text.charAt(i - 1));
            boolean beforeWord = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
            if (afterText && !beforeWord) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsLine(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n';
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static int indexOfAny(String text, String marks, int from, int to) {
        for (int i = from; i < to; i++) {
            if (marks.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
