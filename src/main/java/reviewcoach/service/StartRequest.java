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
 */
public record StartRequest(String workspace, String channel, String starter, Review review, String noticeUrl) {
    public StartRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(review, "review");
    }
}
