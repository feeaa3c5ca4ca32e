package reviewcoach.dialogue.coaching;

import java.util.ArrayList;
import java.util.List;

/**
 * What a review is about (wait times, billing, the front desk, cleanliness, …), read from the words listed in
 * {@code review-topics.txt}, so a draft reply can name the topic in neutral, fixed words and never echo the review.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReviewTopics {

    /** A topic a review may raise, and how a reply names it without confirming anything about anyone. */
    public enum Topic {
        WAIT_TIMES("wait-times", "wait times"),
        BILLING("billing", "billing"),
        FRONT_DESK("front-desk", "how calls and the front desk are handled"),
        CLEANLINESS("cleanliness", "cleanliness"),
        COMMUNICATION("communication", "communication"),
        SCHEDULING("scheduling", "scheduling"),
        PRODUCT("product", "the quality of what we sell"),
        STAFF_MANNER("staff-manner", "how our team treats people");

        private final String key;
        private final String phrase;

        Topic(String key, String phrase) {
            this.key = key;
            this.phrase = phrase;
        }

        /** The neutral words a reply uses for it: "wait times", "billing". */
        public String phrase() {
            return phrase;
        }

        static Topic ofKey(String key) {
            for (Topic topic : values()) {
                if (topic.key.equals(key)) {
                    return topic;
                }
            }
            throw new IllegalStateException(
                    "review-topics.txt names an unknown topic '" + key + "'; known: " + List.of(values()));
        }
    }

    private static final WordList WORDS = WordList.fromResource("review-topics.txt");

    private ReviewTopics() {}

    /** The topics a review raises, in the order it first raises them, each once. */
    public static List<Topic> in(String review) {
        List<Topic> topics = new ArrayList<>();
        for (List<Word> run : Word.runs(review)) {
            for (int at = 0; at < run.size(); at++) {
                int length = WORDS.longestMatchAt(run, at, Inflections::baseForms);
                if (length == 0) {
                    continue;
                }
                List<String> matched = Word.forms(run.subList(at, at + length));
                for (String key : hintsOf(matched, run.subList(at, at + length))) {
                    Topic topic = Topic.ofKey(key);
                    if (!topics.contains(topic)) {
                        topics.add(topic);
                    }
                }
                at += length - 1;
            }
        }
        return List.copyOf(topics);
    }

    /** The topic keys of the entry the words matched, trying the words as written and then their base forms. */
    private static List<String> hintsOf(List<String> forms, List<Word> words) {
        List<String> hints = WORDS.hints(forms);
        if (!hints.isEmpty()) {
            return hints;
        }
        for (String entry : WORDS.entries()) {
            List<String> entryWords = List.of(entry.split(" "));
            if (entryWords.size() == words.size() && matchesInflected(entryWords, words)) {
                return WORDS.hints(entryWords);
            }
        }
        return List.of();
    }

    private static boolean matchesInflected(List<String> entry, List<Word> words) {
        for (int i = 0; i < entry.size(); i++) {
            if (!Inflections.baseForms(words.get(i).form()).contains(entry.get(i))) {
                return false;
            }
        }
        return true;
    }
}
