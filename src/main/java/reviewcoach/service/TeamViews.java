package reviewcoach.service;

import reviewcoach.summary.Digest;
import reviewcoach.summary.Home;

/** The views of the whole team's work that the service shows in Slack; throws {@link DeliveryFailure}. */
public interface TeamViews {

    /** Shows a person of a workspace their App Home. */
    void publishHome(String workspace, String user, Home home);

    /**
     * Posts a digest to a channel; returns the message id.
     *
     * @param workspace whose bot posts it
     */
    String postDigest(String workspace, String channel, Digest digest);
}
