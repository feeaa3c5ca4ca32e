package reviewcoach.service;

import reviewcoach.summary.Digest;
import reviewcoach.summary.Home;

/** The views of the whole team's work that the service shows in Slack; throws {@link DeliveryFailure}. */
public interface TeamViews {

    /** Shows a person of a workspace their App Home, with the office's settings at its foot. */
    void publishHome(String workspace, String user, Home home, OfficeSettings office);

    /**
     * Posts a digest to a channel; returns the message id.
     *
     * @param workspace whose bot posts it
     */
    String postDigest(String workspace, String channel, Digest digest);
}
