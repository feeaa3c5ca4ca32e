package reviewcoach.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * Builds the inner {@code event} objects of Events API {@code message} events for {@link SlackRequests#event}; each call
 * returns a new, mutable node that tests may adjust further.
 *
 * @see <a href="https://docs.slack.dev/reference/events/message">Slack message events and subtypes</a>
 */
public final class MessageEvents {

    private MessageEvents() {}

    /**
     * A person's message: a thread reply if {@code message.threadTs()} is set, otherwise top-level. A reply's thread is
     * taken to be the app's ({@code parent_user_id} is its bot user), as every session's thread is.
     */
    public static ObjectNode message(ChatMessage message) {
        return message(message, TestWorkspace.BOT_USER_ID);
    }

    /** As {@link #message(ChatMessage)}, a reply in a thread that {@code threadStarter} started. */
    public static ObjectNode message(ChatMessage message, String threadStarter) {
        ObjectNode event = SlackJson.object()
                .put("client_msg_id", UUID.randomUUID().toString())
                .put("type", "message")
                .put("text", message.text())
                .put("user", message.user())
                .put("ts", message.ts())
                .put("team", TestWorkspace.TEAM_ID);
        putThread(event, message);
        if (message.inThread() && !message.threadTs().equals(message.ts())) {
            event.put("parent_user_id", threadStarter);
        }
        return located(event, message.channel(), message.ts());
    }

    /** A legacy integration's post: subtype {@code bot_message} with {@code bot_id} and no {@code user}. */
    public static ObjectNode botMessage(ChatMessage message, String botId) {
        ObjectNode event = SlackJson.object()
                .put("type", "message")
                .put("subtype", "bot_message")
                .put("text", message.text())
                .put("username", "Review Importer")
                .put("bot_id", botId)
                .put("ts", message.ts());
        putThread(event, message);
        return located(event, message.channel(), message.ts());
    }

    /**
     * An app's post as Slack delivers it today: a plain message (no subtype) carrying {@code user}, {@code bot_id}
     * and {@code bot_profile}. With {@link TestWorkspace#BOT_USER_ID} and {@link TestWorkspace#BOT_ID} it is the app's
     * own message, which Bolt ignores by default.
     */
    public static ObjectNode messageWithBotId(ChatMessage message, String botId) {
        ObjectNode event = message(message);
        event.remove("client_msg_id");
        event.put("bot_id", botId).put("app_id", TestWorkspace.APP_ID);
        event.putObject("bot_profile")
                .put("id", botId)
                .put("app_id", TestWorkspace.APP_ID)
                .put("name", TestWorkspace.BOT_USER_NAME)
                .put("team_id", TestWorkspace.TEAM_ID)
                .put("deleted", false);
        return event;
    }

    /** Subtype {@code message_changed}: {@code original} was edited to {@code editedText} just now. */
    public static ObjectNode messageChanged(ChatMessage original, String editedText) {
        String editTs = ChatMessage.nextTs();
        ObjectNode edited = summary(original.withText(editedText));
        edited.putObject("edited").put("user", original.user()).put("ts", editTs);
        ObjectNode event = SlackJson.object()
                .put("type", "message")
                .put("subtype", "message_changed")
                .put("hidden", true)
                .put("ts", editTs);
        event.set("message", edited);
        event.set("previous_message", summary(original));
        return located(event, original.channel(), editTs);
    }

    /** Subtype {@code message_deleted}: {@code deleted} was removed just now. */
    public static ObjectNode messageDeleted(ChatMessage deleted) {
        String deletionTs = ChatMessage.nextTs();
        ObjectNode event = SlackJson.object()
                .put("type", "message")
                .put("subtype", "message_deleted")
                .put("hidden", true)
                .put("deleted_ts", deleted.ts())
                .put("ts", deletionTs);
        event.set("previous_message", summary(deleted));
        return located(event, deleted.channel(), deletionTs);
    }

    /** Subtype {@code thread_broadcast}: a thread reply also sent to the channel; the root is the app's message. */
    public static ObjectNode threadBroadcast(ChatMessage reply) {
        if (!reply.inThread()) {
            throw new IllegalArgumentException("A thread broadcast needs a threadTs: " + reply);
        }
        ObjectNode event = message(reply).put("subtype", "thread_broadcast");
        ObjectNode root = event.putObject("root")
                .put("type", "message")
                .put("text", "A new review needs a response")
                .put("user", TestWorkspace.BOT_USER_ID)
                .put("bot_id", TestWorkspace.BOT_ID)
                .put("ts", reply.threadTs())
                .put("thread_ts", reply.threadTs())
                .put("reply_count", 1)
                .put("latest_reply", reply.ts());
        root.putArray("reply_users").add(reply.user());
        return event;
    }

    /** The message fields Slack repeats inside {@code message} and {@code previous_message}. */
    private static ObjectNode summary(ChatMessage message) {
        ObjectNode summary = SlackJson.object()
                .put("type", "message")
                .put("user", message.user())
                .put("text", message.text())
                .put("ts", message.ts())
                .put("team", TestWorkspace.TEAM_ID);
        putThread(summary, message);
        return summary;
    }

    private static void putThread(ObjectNode node, ChatMessage message) {
        if (message.inThread()) {
            node.put("thread_ts", message.threadTs());
        }
    }

    private static ObjectNode located(ObjectNode event, String channel, String eventTs) {
        return event.put("channel", channel).put("event_ts", eventTs).put("channel_type", "channel");
    }
}
