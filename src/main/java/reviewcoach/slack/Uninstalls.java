package reviewcoach.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.function.Consumer;

/**
 * The app was removed from a workspace ({@code app_uninstalled}), or its bot token there was revoked ({@code
 * tokens_revoked}): the workspace's token is forgotten, so that nothing more is sent with it.
 *
 * @see <a href="https://docs.slack.dev/reference/events/app_uninstalled">app_uninstalled</a>
 * @see <a href="https://docs.slack.dev/reference/events/tokens_revoked">tokens_revoked</a>
 */
final class Uninstalls {

    private final Consumer<String> forgetWorkspace;

    /** @param forgetWorkspace forgets a workspace's installation, given its id */
    Uninstalls(Consumer<String> forgetWorkspace) {
        this.forgetWorkspace = forgetWorkspace;
    }

    Response onUninstalled(EventsApiPayload<AppUninstalledEvent> payload, EventContext context) {
        if (SlackFields.isId(payload.getTeamId())) {
            forgetWorkspace.accept(payload.getTeamId());
        }
        return context.ack();
    }

    /** Only a revoked bot token ends the installation; revoked user tokens are none of ours (we ask for none). */
    Response onTokensRevoked(EventsApiPayload<TokensRevokedEvent> payload, EventContext context) {
        TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
        boolean botRevoked =
                tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty();
        if (botRevoked && SlackFields.isId(payload.getTeamId())) {
            forgetWorkspace.accept(payload.getTeamId());
        }
        return context.ack();
    }
}
