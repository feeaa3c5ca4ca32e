package reviewcoach.slack.api;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import reviewcoach.service.DeliveryFailure;

/**
 * Asks Slack for a fresh Socket Mode WebSocket URL with the app-level token ({@code apps.connections.open}); each URL
 * is good for one connection. Thread-safe.
 *
 * @see <a href="https://docs.slack.dev/reference/methods/apps.connections.open">apps.connections.open</a>
 */
public final class SocketModeUrls {

    private final MethodsClient methods;

    public SocketModeUrls(Slack slack, String appToken) {
        this.methods = slack.methods(appToken);
    }

    /**
     * A new WebSocket URL.
     *
     * @throws DeliveryFailure when Slack refuses the token (permanent), limits the rate, or cannot be reached
     */
    public String open() {
        String url = SlackCalls.run(() -> methods.appsConnectionsOpen(request -> request))
                .getUrl();
        if (url == null || url.isBlank()) {
            throw DeliveryFailure.transientFailure("no_url", null);
        }
        return url;
    }
}
