package reviewcoach.service;

import java.time.Instant;
import java.util.Objects;

/**
 * One workspace's installation of the app, as the OAuth flow leaves it: the bot token its requests and messages use.
 *
 * @param workspace the workspace (team) id, such as {@code T0123ABCD}
 * @param enterprise the Enterprise Grid organization id, or null
 * @param botToken the {@code xoxb-} token for this workspace; never logged
 * @param botUserId the bot's user id in this workspace
 * @param botId the bot's id ({@code B…}), which {@code tokens_revoked} names
 * @param scopes the scopes granted, comma-separated as Slack sends them
 * @param installer the user id of whoever installed it
 * @param installedAt when it was installed (or last reinstalled)
 */
public record Installation(
        String workspace,
        String enterprise,
        String botToken,
        String botUserId,
        String botId,
        String scopes,
        String installer,
        Instant installedAt) {

    public Installation {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(installedAt, "installedAt");
    }

    /** Masks the token, so that an installation logged by mistake gives nothing away. */
    @Override
    public String toString() {
        return "Installation[workspace=" + workspace + ", enterprise=" + enterprise + ", botToken=****, botUserId="
                + botUserId + ", botId=" + botId + ", scopes=" + scopes + ", installer=" + installer + ", installedAt="
                + installedAt + "]";
    }
}
