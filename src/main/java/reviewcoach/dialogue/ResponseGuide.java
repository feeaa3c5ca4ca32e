package reviewcoach.dialogue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    /** The paths that fit, each a short paragraph, ending with the drafts the team can start from. */
    public static List<String> paths(Reviewer reviewer, PracticeType practice) {
        List<String> paths = new ArrayList<>();
        if (reviewer != Reviewer.UNKNOWN) {
            paths.add("*A private conversation* comes first, because you know who it is. Ask permission before you"
                    + " raise it, own what went wrong without admitting what did not, and ask what would help:\n"
                    + privateDraft());
        }
        paths.add((reviewer == Reviewer.UNKNOWN
                        ? "*A short public reply*, because you can't reach them privately."
                        : "*A short public reply* too, if you want others to see you respond.")
                + " Calm, signed, one reply, and it takes the conversation offline"
                + (practice == PracticeType.HEALTHCARE
                        ? "; it never confirms that the reviewer is or was a client, nor mentions a visit, date or"
                                + " name"
                        : "")
                + ":\n" + publicDraft(practice));
        paths.add("*No reply* is a choice too, when a reply would only keep an argument going.");
        paths.add("Write the one you choose as `reply: …`, and each follow-up as `action: … @owner by 2026-12-01`.");
        return paths;
    }

    /** A private-conversation opening that asks permission first. */
    public static String privateDraft() {
        return "> There's something I'd like to talk about that may be uncomfortable. Would you be open to that? If"
                + " not, I understand.\n"
                + "> I read what you wrote, and I'm sorry that your experience fell short. I'd like to hear more. What"
                + " do you think would help?";
    }

    /** A public reply: short, calm, signed, offline; for health care it confirms nothing about anyone. */
    public static String publicDraft(PracticeType practice) {
        String reply = practice == PracticeType.HEALTHCARE
                ? "Thank you for taking the time to share this. We take every concern seriously, and privacy rules"
                        + " keep us from discussing anything here. We would welcome a conversation: please call our"
                        + " office and ask for [name]. — [name], [role]"
                : "Thank you for telling us. We're sorry this fell short of what you expected, and we'd like to put"
                        + " it right. Please call us or write to [contact], and ask for [name]. — [name], [role]";
        if (reply.getBytes(StandardCharsets.UTF_8).length > PUBLIC_REPLY_LIMIT_BYTES) {
            throw new IllegalStateException("a public reply must fit the review site's limit");
        }
        return "> " + reply;
    }
}
