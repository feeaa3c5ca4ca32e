package reviewcoach.service;

import java.util.Objects;

/**
 * A message the bot posted for a session.
 *
 * @param channel where it is
 * @param messageId its id in that channel
 */
public record PostedMessage(String channel, String messageId) {
    public PostedMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageId, "messageId");
    }
}
