package reviewcoach.slack;

import java.util.Objects;
import reviewcoach.service.DigestScheduler;
import reviewcoach.service.HomeService;
import reviewcoach.service.Managers;
import reviewcoach.service.OfficeAdmin;
import reviewcoach.slack.api.SlackTeamViews;

/**
 * What the App Home, {@code /review list} and {@code /review digest} need, handed to the Bolt app in one piece.
 *
 * @param home gathers a person's home and a channel's open sessions
 * @param views publishes homes and knows the workspace's address for links
 * @param digests queues a digest when a manager asks
 * @param managers who may ask for the digest
 * @param office the office's settings, and who may change them
 */
public record TeamFeatures(
        HomeService home, SlackTeamViews views, DigestScheduler digests, Managers managers, OfficeAdmin office) {
    public TeamFeatures {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(managers, "managers");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(views, "views");
        Objects.requireNonNull(digests, "digests");
    }
}
