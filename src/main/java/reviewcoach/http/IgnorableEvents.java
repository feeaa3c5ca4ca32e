package reviewcoach.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Recognises, from the raw bytes and without building any objects, the kind of event that is most of a busy
 * workspace's traffic and that the app always leaves alone: a plain message that is not a person's reply in a thread
 * (a top-level message, a thread's first message, or a bot's message), and a reply in a thread that someone other
 * than the app's bot started ({@code parent_user_id}): every session's thread starts with the bot's own message. Such
 * an event can be answered 200 at once, without Bolt reading it and without a look in the database, because no
 * listener would act on it. Anything else, including anything this reader does not
 * fully understand or a message whose usual fields are not text, goes to Bolt as before, which refuses what it cannot
 * read. Thread-safe.
 *
 * @see <a href="https://docs.slack.dev/reference/events/message">The message event</a>
 */
final class IgnorableEvents {

    private static final JsonFactory JSON = new JsonFactory();

    private IgnorableEvents() {}

    /**
     * True only when the body is an Events API callback for a message that no listener would act on.
     *
     * @param ourBotUser the user id of the app's bot, when one workspace's bot token is known to have it; null when not
     *     known (then a reply is never judged by the thread's starter)
     */
    static boolean isIgnorable(byte[] body, String ourBotUser) {
        if (body.length == 0 || body[0] != '{') {
            return false;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            return isIgnorable(parser, ourBotUser);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static boolean isIgnorable(JsonParser parser, String ourBotUser) throws IOException {
        parser.nextToken();
        boolean callback = false;
        Message message = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(field)) {
                callback = value == JsonToken.VALUE_STRING && "event_callback".equals(parser.getText());
            } else if ("event".equals(field) && value == JsonToken.START_OBJECT) {
                message = Message.read(parser);
            } else {
                parser.skipChildren();
            }
        }
        return callback && message != null && message.isIgnorable(ourBotUser);
    }

    /** The few fields of an event that decide whether it is a plain message nobody acts on. */
    private static final class Message {
        private String type;
        private boolean hasSubtype;
        private boolean fromBot;
        private String ts;
        private String threadTs;
        private String parentUser;
        private boolean unexpected;

        static Message read(JsonParser parser) throws IOException {
            Message message = new Message();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "type" -> message.type = text(parser, value, message);
                    case "subtype" -> message.hasSubtype = true;
                    case "bot_id" -> message.fromBot = value != JsonToken.VALUE_NULL;
                    case "ts" -> message.ts = text(parser, value, message);
                    case "thread_ts" -> message.threadTs = text(parser, value, message);
                    case "parent_user_id" -> message.parentUser = text(parser, value, message);
                    case "user", "channel", "text", "team", "event_ts", "channel_type" -> text(parser, value, message);
                    default -> {
                        // not needed to decide
                    }
                }
                parser.skipChildren();
            }
            return message;
        }

        private static String text(JsonParser parser, JsonToken value, Message message) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            message.unexpected = true;
            return null;
        }

        boolean isIgnorable(String ourBotUser) {
            if (unexpected || hasSubtype || !"message".equals(type) || ts == null) {
                return false;
            }
            boolean notAReply = threadTs == null || threadTs.equals(ts);
            return notAReply || fromBot || inAThreadOthersStarted(ourBotUser);
        }

        /** Only when both are known: Slack's samples show an empty {@code parent_user_id}, which says nothing. */
        private boolean inAThreadOthersStarted(String ourBotUser) {
            return ourBotUser != null
                    && !ourBotUser.isEmpty()
                    && parentUser != null
                    && !parentUser.isEmpty()
                    && !parentUser.equals(ourBotUser);
        }
    }
}
