package reviewcoach.slack.api;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.util.Objects;
import reviewcoach.service.BotTokens;

/** The Web API client that speaks for a workspace, with that workspace's own bot token. Thread-safe. */
public final class SlackClients {

    private final Slack slack;
    private final BotTokens tokens;

    public SlackClients(Slack slack, BotTokens tokens) {
        this.slack = Objects.requireNonNull(slack, "slack");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * A client for one workspace (cheap: the SDK shares one HTTP client among them).
     *
     * @throws reviewcoach.service.DeliveryFailure permanent {@code not_installed} when the app is not installed there
     */
    public MethodsClient methods(String workspace) {
        return slack.methods(tokens.botTokenFor(workspace));
    }

    /** Checks a workspace's bot token with {@code auth.test}; returns Slack's answer or throws DeliveryFailure. */
    public AuthTestResponse checkToken(String workspace) {
        return SlackCalls.run(() -> methods(workspace).authTest(request -> request));
    }

    Slack slack() {
        return slack;
    }
}
