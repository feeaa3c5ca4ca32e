package reviewcoach.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A click on a button in one of the app's messages, with {@link TestWorkspace} defaults; immutable.
 *
 * <p>By default the button sits on the message {@code 1700000000.000100} (the fake's first posted message) in the
 * default channel, outside any thread.
 *
 * @see <a href="https://docs.slack.dev/reference/interaction-payloads/block_actions-payload">block_actions payload</a>
 */
public record BlockAction(
        String actionId,
        String value,
        String blockId,
        String buttonText,
        String userId,
        String userName,
        String channelId,
        String channelName,
        String messageTs,
        String threadTs,
        String responseUrl,
        String triggerId) {

    /** The default user clicking button {@code actionId} carrying {@code value}. */
    public static BlockAction button(String actionId, String value) {
        return new BlockAction(
                actionId,
                value,
                "actions",
                "Click",
                TestWorkspace.USER_ID,
                TestWorkspace.USER_NAME,
                TestWorkspace.CHANNEL_ID,
                TestWorkspace.CHANNEL_NAME,
                "1700000000.000100",
                null,
                "https://hooks.slack.com/actions/" + TestWorkspace.TEAM_ID + "/1700000000002/1aBcDeFgHiJkLmNoPqRsTuV",
                SlashCommand.nextTriggerId());
    }

    public BlockAction withBlockId(String newBlockId) {
        return new BlockAction(
                actionId,
                value,
                newBlockId,
                buttonText,
                userId,
                userName,
                channelId,
                channelName,
                messageTs,
                threadTs,
                responseUrl,
                triggerId);
    }

    public BlockAction withUser(String newUserId, String newUserName) {
        return new BlockAction(
                actionId,
                value,
                blockId,
                buttonText,
                newUserId,
                newUserName,
                channelId,
                channelName,
                messageTs,
                threadTs,
                responseUrl,
                triggerId);
    }

    public BlockAction withChannel(String newChannelId, String newChannelName) {
        return new BlockAction(
                actionId,
                value,
                blockId,
                buttonText,
                userId,
                userName,
                newChannelId,
                newChannelName,
                messageTs,
                threadTs,
                responseUrl,
                triggerId);
    }

    /** The button's message {@code ts}, and the {@code thread_ts} of its thread (null if top-level). */
    public BlockAction withMessage(String newMessageTs, String newThreadTs) {
        return new BlockAction(
                actionId,
                value,
                blockId,
                buttonText,
                userId,
                userName,
                channelId,
                channelName,
                newMessageTs,
                newThreadTs,
                responseUrl,
                triggerId);
    }

    /** Use {@code fake.responseUrl("...")} to capture what the app sends back. */
    public BlockAction withResponseUrl(String newResponseUrl) {
        return new BlockAction(
                actionId,
                value,
                blockId,
                buttonText,
                userId,
                userName,
                channelId,
                channelName,
                messageTs,
                threadTs,
                newResponseUrl,
                triggerId);
    }

    public BlockAction withTriggerId(String newTriggerId) {
        return new BlockAction(
                actionId,
                value,
                blockId,
                buttonText,
                userId,
                userName,
                channelId,
                channelName,
                messageTs,
                threadTs,
                responseUrl,
                newTriggerId);
    }

    /** The JSON Slack puts into the {@code payload} form field, with {@code action_ts} taken from {@code now}. */
    public ObjectNode toPayload(Instant now) {
        ObjectNode payload = SlackJson.object().put("type", "block_actions");
        payload.set("user", SlackJson.user(userId, userName, TestWorkspace.TEAM_ID));
        payload.put("api_app_id", TestWorkspace.APP_ID).put("token", TestWorkspace.VERIFICATION_TOKEN);
        payload.set("container", container());
        payload.put("trigger_id", triggerId);
        payload.set("team", SlackJson.team(TestWorkspace.TEAM_ID, TestWorkspace.TEAM_DOMAIN));
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        payload.putObject("channel").put("id", channelId).put("name", channelName);
        payload.set("message", message());
        payload.putObject("state").putObject("values");
        payload.put("response_url", responseUrl);
        payload.putArray("actions").add(action(now));
        return payload;
    }

    private ObjectNode container() {
        ObjectNode container = SlackJson.object()
                .put("type", "message")
                .put("message_ts", messageTs)
                .put("channel_id", channelId)
                .put("is_ephemeral", false);
        return threadTs == null ? container : container.put("thread_ts", threadTs);
    }

    private ObjectNode message() {
        ObjectNode message = SlackJson.object()
                .put("type", "message")
                .put("user", TestWorkspace.BOT_USER_ID)
                .put("bot_id", TestWorkspace.BOT_ID)
                .put("app_id", TestWorkspace.APP_ID)
                .put("team", TestWorkspace.TEAM_ID)
                .put("text", "This content can't be displayed.")
                .put("ts", messageTs);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        ObjectNode actionsBlock = message.putArray("blocks").addObject();
        actionsBlock.put("type", "actions").put("block_id", blockId);
        actionsBlock.putArray("elements").add(button());
        return message;
    }

    private ObjectNode button() {
        ObjectNode button = SlackJson.object().put("type", "button").put("action_id", actionId);
        button.set("text", SlackJson.plainText(buttonText));
        return button.put("value", value);
    }

    private ObjectNode action(Instant now) {
        return button().put("block_id", blockId).put("action_ts", SlackJson.ts(now));
    }
}
