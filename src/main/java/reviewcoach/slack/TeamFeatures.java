package reviewcoach.slack;

import java.util.Objects;
import reviewcoach.service.DigestScheduler;
import reviewcoach.service.HomeService;
import reviewcoach.service.Managers;
import reviewcoach.slack.api.SlackTeamViews;

/**
 * What the App Home, {@code /review list} and {@code /review digest} need, handed to the Bolt app in one piece.
 *
 * @param home gathers a person's home and a channel's open sessions
 * @param views publishes homes and knows the workspace's address for links
 * @param digests queues a digest when a manager asks
 * @param managers who may ask for the digest
 */
public record TeamFeatures(HomeService home, SlackTeamViews views, DigestScheduler digests, Managers managers) {
    public TeamFeatures {
        Objects.requireNonNull(managers, "managers");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(views, "views");
        Objects.requireNonNull(digests, "digests");
    }
}
