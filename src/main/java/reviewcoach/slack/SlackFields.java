package reviewcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.regex.Pattern;
import reviewcoach.service.ReplayKeys;

/**
 * What the fields the service keeps look like when Slack sends them: short ids, {@code seconds.micros} timestamps,
 * message text of at most 40,000 characters, and {@code http(s)} response URLs. A payload whose fields do not is not one
 * Slack sent, and is acknowledged and left alone rather than handed to the store, whose columns are sized for Slack's
 * values.
 *
 * @see <a href="https://docs.slack.dev/reference/methods/chat.postMessage">chat.postMessage, on text length</a>
 */
final class SlackFields {

    /** Slack truncates message text at 40,000 characters. */
    static final int MAX_TEXT_LENGTH = 40_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** Slack's event ids are about a dozen characters; a longer one would not fit its key ({@link ReplayKeys}). */
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{1," + ReplayKeys.MAX_ID_LENGTH + "}");

    private static final Pattern TS = Pattern.compile("[0-9]{1,12}\\.[0-9]{1,12}");
    private static final int MAX_URL_LENGTH = 2000;

    private SlackFields() {}

    /** A workspace, channel or user id, such as {@code C0123ABCD}. */
    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** An Events API {@code event_id}, such as {@code Ev0123ABCD}. */
    static boolean isEventId(String value) {
        return value != null && EVENT_ID.matcher(value).matches();
    }

    /**
     * The workspace a press came from, or an empty string (which matches no session) when Slack named none. A press
     * acts only on what belongs to this workspace, whatever ids its payload carries.
     */
    static String workspaceOf(BlockActionPayload payload) {
        BlockActionPayload.Team team = payload.getTeam();
        return team != null && isId(team.getId()) ? team.getId() : "";
    }

    /** A message timestamp, such as {@code 1700000000.000100}, which is also the message's id. */
    static boolean isTs(String value) {
        return value != null && TS.matcher(value).matches();
    }

    /** Message text Slack could have sent. */
    static boolean isText(String value) {
        return value != null && value.length() <= MAX_TEXT_LENGTH;
    }

    /** A {@code response_url} worth keeping, or null. */
    static String responseUrlOrNull(String value) {
        boolean plausible = value != null
                && value.length() <= MAX_URL_LENGTH
                && (value.startsWith("https://") || value.startsWith("http://"));
        return plausible ? value : null;
    }
}
