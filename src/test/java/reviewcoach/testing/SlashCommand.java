package reviewcoach.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What a user typed as a slash command and where, with {@link TestWorkspace} defaults; immutable.
 *
 * @see <a href="https://docs.slack.dev/interactivity/implementing-slash-commands">Slack slash commands</a>
 */
public record SlashCommand(
        String command,
        String text,
        String userId,
        String userName,
        String channelId,
        String channelName,
        String responseUrl,
        String triggerId,
        String teamId,
        String teamDomain) {

    private static final AtomicLong TRIGGER_NUMBER = new AtomicLong(1);

    /** {@code command} with {@code text}, run by the default user in the default channel. */
    public static SlashCommand of(String command, String text) {
        return new SlashCommand(
                command,
                text,
                TestWorkspace.USER_ID,
                TestWorkspace.USER_NAME,
                TestWorkspace.CHANNEL_ID,
                TestWorkspace.CHANNEL_NAME,
                "https://hooks.slack.com/commands/" + TestWorkspace.TEAM_ID + "/1700000000001/0aBcDeFgHiJkLmNoPqRsTuV",
                nextTriggerId(),
                TestWorkspace.TEAM_ID,
                TestWorkspace.TEAM_DOMAIN);
    }

    public SlashCommand withText(String newText) {
        return new SlashCommand(
                command, newText, userId, userName, channelId, channelName, responseUrl, triggerId, teamId, teamDomain);
    }

    public SlashCommand withUser(String newUserId, String newUserName) {
        return new SlashCommand(
                command,
                text,
                newUserId,
                newUserName,
                channelId,
                channelName,
                responseUrl,
                triggerId,
                teamId,
                teamDomain);
    }

    public SlashCommand withChannel(String newChannelId, String newChannelName) {
        return new SlashCommand(
                command,
                text,
                userId,
                userName,
                newChannelId,
                newChannelName,
                responseUrl,
                triggerId,
                teamId,
                teamDomain);
    }

    /** Use {@code fake.responseUrl("...")} to capture what the app sends back. */
    public SlashCommand withResponseUrl(String newResponseUrl) {
        return new SlashCommand(
                command, text, userId, userName, channelId, channelName, newResponseUrl, triggerId, teamId, teamDomain);
    }

    public SlashCommand withTriggerId(String newTriggerId) {
        return new SlashCommand(
                command, text, userId, userName, channelId, channelName, responseUrl, newTriggerId, teamId, teamDomain);
    }

    public SlashCommand withTeam(String newTeamId, String newTeamDomain) {
        return new SlashCommand(
                command,
                text,
                userId,
                userName,
                channelId,
                channelName,
                responseUrl,
                triggerId,
                newTeamId,
                newTeamDomain);
    }

    /** The fields Slack sends, in its order: form-encoded over HTTP, a JSON object in Socket Mode. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", TestWorkspace.VERIFICATION_TOKEN);
        fields.put("team_id", teamId);
        fields.put("team_domain", teamDomain);
        fields.put("channel_id", channelId);
        fields.put("channel_name", channelName);
        fields.put("user_id", userId);
        fields.put("user_name", userName);
        fields.put("command", command);
        fields.put("text", text);
        fields.put("api_app_id", TestWorkspace.APP_ID);
        fields.put("is_enterprise_install", "false");
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", triggerId);
        return fields;
    }

    /** The form-encoded body, fields in the order Slack sends them. */
    public String toFormBody() {
        return fields().entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A fresh trigger id shaped like Slack's, e.g. {@code 1700000000001.1000000000.0a1b2c3d4e5f}. */
    static String nextTriggerId() {
        long number = TRIGGER_NUMBER.getAndIncrement();
        return String.format(
                "1700000000%03d.1000000000.%012x", number % 1000, (number * 0x9e3779b1L) & 0xffffffffffffL);
    }
}
