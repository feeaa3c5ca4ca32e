package reviewcoach.service;

import java.util.Objects;

/**
 * A person wrote, changed or deleted a reply in a thread that may belong to a session.
 *
 * @param workspace the workspace the event came from: a message acts only on a session of the same workspace
 * @param eventKey the event's key ({@link ReplayKeys}: the second Slack sent it and its id), the same on every retry
 * @param channel the conversation
 * @param thread the id of the thread's first message
 * @param author who wrote it (null for a deletion)
 * @param text the words (null for a deletion)
 * @param messageId the id of the reply itself
 */
public record ThreadMessage(
        String workspace,
        String eventKey,
        String channel,
        String thread,
        String author,
        String text,
        String messageId) {
    public ThreadMessage {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(messageId, "messageId");
    }
}
