package reviewcoach.service;

import reviewcoach.summary.Digest;
import reviewcoach.summary.Home;

/** The views of the whole team's work that the service shows in Slack; throws {@link DeliveryFailure}. */
public interface TeamViews {

    /** Shows a person their App Home. */
    void publishHome(String user, Home home);

    /** Posts a digest to a channel; returns the message id. */
    String postDigest(String channel, Digest digest);
}
