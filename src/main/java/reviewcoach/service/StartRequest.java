package reviewcoach.service;

import java.util.Objects;
import reviewcoach.dialogue.Review;

/**
 * Someone asked to work through a review.
 *
 * @param workspace the workspace they are in
 * @param channel where the session's thread goes
 * @param starter who asked
 * @param review the review
 * @param noticeUrl where to tell them privately if the session cannot open, or null
 * @param shareChannel for a private session (whose channel is the starter's own id: a direct message), where its
 *     summary goes if they choose to share it; null for a team session
 */
public record StartRequest(
        String workspace, String channel, String starter, Review review, String noticeUrl, String shareChannel) {

    /** A team session, in a channel. */
    public StartRequest(String workspace, String channel, String starter, Review review, String noticeUrl) {
        this(workspace, channel, starter, review, noticeUrl, null);
    }

    /** A private session: run in a direct message with the starter, shared into a channel only if they choose. */
    public static StartRequest inPrivate(
            String workspace, String starter, Review review, String noticeUrl, String shareChannel) {
        return new StartRequest(workspace, starter, starter, review, noticeUrl, shareChannel);
    }

    public StartRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(review, "review");
    }
}
