package reviewcoach.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user pressing Submit on one of the app's modals, with the values they entered; immutable.
 *
 * @see <a href="https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload">view_submission</a>
 */
public record ViewSubmission(
        String callbackId, String privateMetadata, String viewId, String userId, String userName, List<Input> inputs) {

    public ViewSubmission {
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(privateMetadata, "privateMetadata");
        inputs = List.copyOf(inputs);
    }

    /** The default user submitting the modal {@code callbackId}, empty metadata, no inputs yet. */
    public static ViewSubmission of(String callbackId) {
        return new ViewSubmission(
                callbackId, "", "V0MODAL0001", TestWorkspace.USER_ID, TestWorkspace.USER_NAME, List.of());
    }

    public ViewSubmission withPrivateMetadata(String newPrivateMetadata) {
        return new ViewSubmission(callbackId, newPrivateMetadata, viewId, userId, userName, inputs);
    }

    public ViewSubmission withViewId(String newViewId) {
        return new ViewSubmission(callbackId, privateMetadata, newViewId, userId, userName, inputs);
    }

    public ViewSubmission withUser(String newUserId, String newUserName) {
        return new ViewSubmission(callbackId, privateMetadata, viewId, newUserId, newUserName, inputs);
    }

    /** Adds a {@code plain_text_input} value; a null value models an optional input left empty. */
    public ViewSubmission withTextInput(String blockId, String actionId, String value) {
        return with(new Input(blockId, actionId, "plain_text_input", value, null));
    }

    /** Adds a {@code static_select} choice as {@code selected_option {value, text}}. */
    public ViewSubmission withSelectedOption(String blockId, String actionId, String value, String optionText) {
        return with(new Input(blockId, actionId, "static_select", value, optionText));
    }

    /** The JSON Slack puts into the {@code payload} form field. */
    /** A channel picked in a {@code conversations_select}. */
    public ViewSubmission withSelectedConversation(String blockId, String actionId, String channel) {
        return with(new Input(blockId, actionId, "conversations_select", channel, null));
    }

    /** People picked in a {@code multi_users_select}. */
    public ViewSubmission withSelectedUsers(String blockId, String actionId, java.util.List<String> users) {
        return with(new Input(blockId, actionId, "multi_users_select", String.join(",", users), null));
    }

    public ObjectNode toPayload() {
        ObjectNode payload = SlackJson.object().put("type", "view_submission");
        payload.set("team", SlackJson.team(TestWorkspace.TEAM_ID, TestWorkspace.TEAM_DOMAIN));
        payload.set("user", SlackJson.user(userId, userName, TestWorkspace.TEAM_ID));
        payload.put("api_app_id", TestWorkspace.APP_ID)
                .put("token", TestWorkspace.VERIFICATION_TOKEN)
                .put("trigger_id", SlashCommand.nextTriggerId());
        payload.set("view", view());
        payload.putArray("response_urls");
        payload.putNull("enterprise");
        return payload.put("is_enterprise_install", false);
    }

    private ViewSubmission with(Input input) {
        List<Input> more = new ArrayList<>(inputs);
        more.add(input);
        return new ViewSubmission(callbackId, privateMetadata, viewId, userId, userName, more);
    }

    private ObjectNode view() {
        ObjectNode view = SlackJson.object()
                .put("id", viewId)
                .put("team_id", TestWorkspace.TEAM_ID)
                .put("type", "modal")
                .put("private_metadata", privateMetadata)
                .put("callback_id", callbackId)
                .put("hash", "1700000000.aBcDeFgH")
                .put("root_view_id", viewId)
                .put("app_id", TestWorkspace.APP_ID)
                .put("app_installed_team_id", TestWorkspace.TEAM_ID)
                .put("bot_id", TestWorkspace.BOT_ID)
                .put("external_id", "")
                .put("clear_on_close", false)
                .put("notify_on_close", false);
        view.set("title", SlackJson.plainText("Review Coach"));
        view.set("submit", SlackJson.plainText("Submit"));
        view.set("close", SlackJson.plainText("Cancel"));
        view.putNull("previous_view_id");
        view.putObject("state").set("values", stateValues());
        return view;
    }

    private ObjectNode stateValues() {
        ObjectNode values = SlackJson.object();
        for (Input input : inputs) {
            values.withObjectProperty(input.blockId()).set(input.actionId(), input.toStateValue());
        }
        return values;
    }

    /** One input element's state in {@code view.state.values[blockId][actionId]}. */
    public record Input(String blockId, String actionId, String type, String value, String optionText) {

        ObjectNode toStateValue() {
            ObjectNode state = SlackJson.object().put("type", type);
            if (type.equals("conversations_select")) {
                return state.put("selected_conversation", value);
            }
            if (type.equals("multi_users_select")) {
                var users = state.putArray("selected_users");
                for (String user : value.split(",")) {
                    if (!user.isEmpty()) {
                        users.add(user);
                    }
                }
                return state;
            }
            if (!type.equals("static_select")) {
                return state.put("value", value);
            }
            ObjectNode option = state.putObject("selected_option");
            option.set("text", SlackJson.plainText(optionText));
            option.put("value", value);
            return state;
        }
    }
}
