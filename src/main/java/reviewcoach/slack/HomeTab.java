package reviewcoach.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.store.StoreException;
import reviewcoach.summary.Home;

/**
 * Publishes a person's App Home when they open it: acks at once, then reads and publishes on threads of its own. A home
 * is only a view, shown again on the next visit, so when too many wait the oldest request is dropped rather than held
 * in an unbounded queue.
 *
 * @see <a href="https://docs.slack.dev/reference/events/app_home_opened">app_home_opened</a>
 */
final class HomeTab {

    private static final Logger log = LoggerFactory.getLogger(HomeTab.class);
    /**
     * Homes published at once. Each mostly waits for Slack ({@code views.publish} often takes 100 ms or more
     * to Slack's servers), so two threads would cap a busy office at a few homes a second, and one slow call would
     * hold up half of them; drawing a home takes well under 2 ms of CPU.
     */
    private static final int THREADS = 8;

    private static final int WAITING = 256;

    private final TeamFeatures team;
    private final ThreadPoolExecutor publishers;

    HomeTab(TeamFeatures team) {
        this.team = team;
        this.publishers =
                BoundedThreads.of("home-publisher", THREADS, WAITING, new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    Response onOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext context) {
        AppHomeOpenedEvent event = payload.getEvent();
        String user = event.getUser();
        String workspace = payload.getTeamId();
        if ("home".equals(event.getTab()) && SlackFields.isId(user) && SlackFields.isId(workspace)) {
            try {
                publishers.execute(() -> publish(workspace, user));
            } catch (RejectedExecutionException stopping) {
                log.warn("home not published: the service is stopping");
            }
        }
        return context.ack();
    }

    /** Publishes a person's App Home again, in the background, after something on it changed. */
    void republish(String workspace, String user) {
        if (!SlackFields.isId(workspace) || !SlackFields.isId(user)) {
            return;
        }
        try {
            publishers.execute(() -> publish(workspace, user));
        } catch (RejectedExecutionException stopping) {
            log.warn("home not published: the service is stopping");
        }
    }

    private void publish(String workspace, String user) {
        try {
            Home home = team.home().homeFor(workspace, user);
            team.views().publishHome(workspace, user, home, team.office().settingsOf(workspace));
            if (home.picture().isEmpty()) {
                // The workspace's first picture of the month is still being drawn: show the home again with it.
                team.home().whenPictureDrawn(workspace, () -> republish(workspace, user));
            }
        } catch (DeliveryFailure failure) {
            log.warn("home not published ({}); it is published again when next opened", failure.error());
        } catch (StoreException failure) {
            log.warn("home not published: {}", failure.toString());
        }
    }
}
