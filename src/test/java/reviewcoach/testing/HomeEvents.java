package reviewcoach.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code app_home_opened} event Slack sends when a person opens the app's Home tab. */
public final class HomeEvents {

    private HomeEvents() {}

    /**
     * @see <a href="https://docs.slack.dev/reference/events/app_home_opened">app_home_opened</a>
     */
    public static ObjectNode homeOpened(String user) {
        return SlackJson.object()
                .put("type", "app_home_opened")
                .put("user", user)
                .put("channel", "D0HOME" + user.substring(1))
                .put("tab", "home")
                .put("event_ts", "1700000000.000900");
    }

    /** The same event when the person opens the Messages tab instead. */
    public static ObjectNode messagesTabOpened(String user) {
        return homeOpened(user).put("tab", "messages");
    }
}
