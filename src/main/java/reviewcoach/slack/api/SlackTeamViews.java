package reviewcoach.slack.api;

import com.slack.api.model.view.View;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.service.OfficeSettings;
import reviewcoach.service.TeamViews;
import reviewcoach.slack.render.DigestMessage;
import reviewcoach.slack.render.HomeView;
import reviewcoach.slack.render.OfficeSection;
import reviewcoach.slack.render.SlackMessage;
import reviewcoach.summary.Digest;
import reviewcoach.summary.Home;

/**
 * Shows the App Home ({@code views.publish}) and posts digests with each workspace's bot token. Links to threads are
 * built from the workspace's address, learned once per workspace from {@code auth.test}, instead of one {@code
 * chat.getPermalink} per session. Thread-safe.
 */
public final class SlackTeamViews implements TeamViews {

    /** Used until the workspace's own address is known; Slack sends the reader on to their workspace. */
    static final String ANY_WORKSPACE = "https://slack.com/";

    private static final Logger log = LoggerFactory.getLogger(SlackTeamViews.class);

    private final SlackClients clients;
    private final Map<String, String> workspaceUrls = new ConcurrentHashMap<>();

    public SlackTeamViews(SlackClients clients) {
        this.clients = clients;
    }

    /** The workspace's address, such as {@code https://acme.slack.com/}; asks Slack the first time. */
    public String workspaceUrl(String workspace) {
        String known = workspaceUrls.get(workspace);
        if (known != null) {
            return known;
        }
        try {
            String url = SlackCalls.run(() -> clients.methods(workspace).authTest(request -> request))
                    .getUrl();
            if (url != null && url.startsWith("https://")) {
                workspaceUrls.put(workspace, url);
                return url;
            }
        } catch (DeliveryFailure failure) {
            log.warn("could not learn the workspace's address ({}); linking through slack.com", failure.error());
        }
        return ANY_WORKSPACE;
    }

    /** The workspace's address if already known, without asking Slack: for answers that must not wait. */
    public String workspaceUrlIfKnown(String workspace) {
        return workspaceUrls.getOrDefault(workspace, ANY_WORKSPACE);
    }

    @Override
    public void publishHome(String workspace, String user, Home home, OfficeSettings office) {
        View view = HomeView.render(home, workspaceUrl(workspace), OfficeSection.render(office));
        SlackCalls.run(() -> clients.methods(workspace)
                .viewsPublish(request -> request.userId(user).view(view)));
    }

    @Override
    public String postDigest(String workspace, String channel, Digest digest) {
        SlackMessage message = DigestMessage.render(digest);
        return SlackCalls.run(() -> clients.methods(workspace).chatPostMessage(request -> request.channel(channel)
                        .text(message.text())
                        .blocks(message.blocks())
                        .unfurlLinks(false)
                        .unfurlMedia(false)))
                .getTs();
    }
}
