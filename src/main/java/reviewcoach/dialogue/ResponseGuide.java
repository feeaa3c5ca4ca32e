package reviewcoach.dialogue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import reviewcoach.dialogue.coaching.ReviewTopics;
import reviewcoach.dialogue.coaching.ReviewTopics.Topic;

/**
 * The response plan's paths for who the reviewer is: a private conversation that asks permission first, a short public
 * reply that takes the conversation offline (and in health care never confirms a client), or no reply, with drafts.
 */
public final class ResponseGuide {

    /** Google allows one owner reply per review, of at most 4,096 bytes. */
    public static final int PUBLIC_REPLY_LIMIT_BYTES = 4096;

    /** Who the reviewer is, as far as the team knows. */
    public enum Reviewer {
        /** The team knows who wrote it, and they are a current client or customer. */
        KNOWN_CURRENT,
        /** The team knows who wrote it, and they are not a current client or customer. */
        KNOWN_FORMER,
        /** Anonymous, or the team is not sure. */
        UNKNOWN
    }

    private ResponseGuide() {}

    /** The paths that fit, with drafts that do not yet know the review. */
    public static List<String> paths(Reviewer reviewer, PracticeType practice) {
        return paths(reviewer, practice, List.of());
    }

    /** The paths that fit, each a short paragraph, ending with drafts that name what the review raised. */
    public static List<String> paths(Reviewer reviewer, PracticeType practice, Review review) {
        return paths(reviewer, practice, ReviewTopics.in(review.text()));
    }

    private static List<String> paths(Reviewer reviewer, PracticeType practice, List<Topic> topics) {
        List<String> paths = new ArrayList<>();
        if (reviewer != Reviewer.UNKNOWN) {
            paths.add("*A private conversation* comes first, because you know who it is. Ask permission before you"
                    + " raise it, own what went wrong without admitting what did not, and ask what would help:\n"
                    + quoted(privateDraft(topics)));
        }
        paths.add((reviewer == Reviewer.UNKNOWN
                        ? "*A short public reply*, because you can't reach them privately."
                        : "*A short public reply* too, if you want others to see you respond.")
                + " Calm, signed, one reply, and it takes the conversation offline"
                + (practice == PracticeType.HEALTHCARE
                        ? "; it never confirms that the reviewer is or was a client, nor mentions a visit, date or"
                                + " name"
                        : "")
                + ":\n" + quoted(publicReply(practice, topics)));
        paths.add("*No reply* is a choice too, when a reply would only keep an argument going.");
        paths.add(
                "Write the one you choose as `reply: …`, and each follow-up as `action: … @owner by Friday` (or `by Dec 1`).");
        return paths;
    }

    /** A private-conversation opening that asks permission first, as quoted lines. */
    public static String privateDraft() {
        return quoted(privateDraft(List.of()));
    }

    /** A public reply, as quoted lines: short, calm, signed, offline; for health care it confirms nothing. */
    public static String publicDraft(PracticeType practice) {
        return quoted(publicReply(practice, List.of()));
    }

    /**
     * What to say first in a private conversation about this review: permission first, then what they raised, owning
     * what went wrong without admitting what did not, then their view.
     */
    public static String privateDraft(Review review) {
        return privateDraft(ReviewTopics.in(review.text()));
    }

    /** The public reply for this review, unquoted, as it would be posted: its topic in neutral words, signed. */
    public static String publicReply(PracticeType practice, Review review) {
        return publicReply(practice, ReviewTopics.in(review.text()));
    }

    private static String privateDraft(List<Topic> topics) {
        String about = topics.isEmpty() ? "" : " about " + phrases(topics);
        return "There's something I'd like to talk about that may be uncomfortable. Would you be open to that? If"
                + " not, I understand.\n"
                + "I read what you wrote" + about + ", and I'm sorry that your experience fell short. I'd like to hear"
                + " more. What do you think would help?";
    }

    private static String publicReply(PracticeType practice, List<Topic> topics) {
        String concern = topics.isEmpty()
                ? "We take every concern seriously"
                : "Concerns about " + phrases(topics) + " matter to us, and we take every one seriously";
        String reply = practice == PracticeType.HEALTHCARE
                ? "Thank you for taking the time to share this. " + concern + ". Privacy rules keep us from"
                        + " discussing anything here, but we would welcome a conversation: please call our office and"
                        + " ask for [name]. — [name], [role]"
                : "Thank you for telling us. " + concern + ". We're sorry this fell short of what you expected and"
                        + " would like to put it right: please call us or write to [contact], and ask for [name]."
                        + " — [name], [role]";
        if (reply.getBytes(StandardCharsets.UTF_8).length > PUBLIC_REPLY_LIMIT_BYTES) {
            throw new IllegalStateException("a public reply must fit the review site's limit");
        }
        return reply;
    }

    /** At most two topics, so a reply stays short: "wait times and billing". */
    private static String phrases(List<Topic> topics) {
        List<String> named = topics.stream().limit(2).map(Topic::phrase).toList();
        return String.join(" and ", named);
    }

    private static String quoted(String text) {
        return "> " + text.replace("\n", "\n> ");
    }
}
