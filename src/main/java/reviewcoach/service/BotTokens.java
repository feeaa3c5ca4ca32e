package reviewcoach.service;

import java.util.Objects;

/** Which bot token speaks for a workspace. Thread-safe. */
public interface BotTokens {

    /**
     * The workspace's bot token.
     *
     * @throws DeliveryFailure permanent {@code not_installed} when the app is not installed there
     */
    String botTokenFor(String workspace);

    /** One workspace, one token ({@code SLACK_BOT_TOKEN}): the same token whatever the workspace. */
    static BotTokens single(String botToken) {
        Objects.requireNonNull(botToken, "botToken");
        return workspace -> botToken;
    }
}
