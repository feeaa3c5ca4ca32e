package reviewcoach.dialogue.coaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One word of a line: its lower-case form for matching, and where it stands in the line so a concern can quote it as
 * written.
 *
 * @param form the word in lower case, apostrophes made plain ({@code don’t} is {@code don't}) and stretched letters
 *     undone ({@code sooo} is {@code so})
 * @param start the index of its first character in the line
 * @param end the index just after its last character
 */
record Word(String form, int start, int end) {

    /** Letters and digits, with apostrophes inside a word (don't, I’m); hyphens and everything else split words. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’‘ʼ][\\p{L}\\p{N}]+)*");

    /** The apostrophes people type, each made plain. */
    private static final Pattern APOSTROPHE = Pattern.compile("['’‘ʼ]");

    /** A letter three times or more: "sooo", "ruuude"; no English word triples a letter. */
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");

    /**
     * What may stand between two words of one phrase: spaces and hyphens ("one-sided", "made up"). The characters of
     * {@code [\s\-‐‑]*}, checked one at a time: every two neighbouring words of every line ask.
     */
    private static final String JOINERS = " \t\n\u000B\f\r-\u2010\u2011";

    /** The words of a line, in order. */
    static List<Word> in(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new Word(normalize(matcher.group()), matcher.start(), matcher.end()));
        }
        return words;
    }

    /** The word forms of a phrase as a list lines can be looked up by ("Self-conscious" gives [self, conscious]). */
    static List<String> formsOf(String phrase) {
        return forms(in(phrase));
    }

    static List<String> forms(List<Word> words) {
        return words.stream().map(Word::form).toList();
    }

    /**
     * Splits the words of a line into runs that may form one phrase: words joined only by spaces or hyphens, so no
     * phrase reaches across a comma, a full stop or a quotation.
     */
    static List<List<Word>> runs(String text) {
        List<List<Word>> runs = new ArrayList<>();
        List<Word> run = new ArrayList<>();
        for (Word word : in(text)) {
            if (!run.isEmpty()) {
                Word previous = run.get(run.size() - 1);
                if (!onlyJoiners(text, previous.end(), word.start())) {
                    runs.add(List.copyOf(run));
                    run.clear();
                }
            }
            run.add(word);
        }
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
        }
        return runs;
    }

    /** The words quoted as written: the line from the first word's start to the last word's end. */
    static String asWritten(String text, List<Word> words) {
        return text.substring(words.get(0).start(), words.get(words.size() - 1).end());
    }

    private static boolean onlyJoiners(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (JOINERS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (isPlain(lower)) {
            return lower;
        }
        String plain = APOSTROPHE.matcher(lower).replaceAll("'");
        return STRETCHED.matcher(plain).replaceAll("$1");
    }

    /**
     * Whether a lower-case word holds nothing {@link #APOSTROPHE} or {@link #STRETCHED} would change, as most words
     * do: no typed apostrophe other than {@code '} and no letter three times in a row. A surrogate (a letter outside
     * the Basic Multilingual Plane) is left to the patterns.
     */
    private static boolean isPlain(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\u2019' || c == '\u2018' || c == '\u02BC' || Character.isSurrogate(c)) {
                return false;
            }
            if (i >= 2 && c == word.charAt(i - 1) && c == word.charAt(i - 2) && Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }
}
