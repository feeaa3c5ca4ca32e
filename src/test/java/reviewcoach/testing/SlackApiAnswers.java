package reviewcoach.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The successful answers the fake gives per Web API method, shaped like Slack's recorded responses; thread-safe. */
final class SlackApiAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_TS_MICROS = 1_700_000_000_000_100L;
    private static final long TS_STEP_MICROS = 100;

    private final AtomicLong nextTsMicros = new AtomicLong(FIRST_TS_MICROS);
    private final AtomicInteger nextViewNumber = new AtomicInteger(1);
    private final Map<String, String> threadOfPostedMessage = new ConcurrentHashMap<>();
    private volatile Supplier<String> socketModeUrls = () -> "wss://wss-primary.slack.com/link/?ticket=fake";

    /** Where {@code apps.connections.open} sends Socket Mode clients: a new URL per call. */
    void answerSocketModeWith(Supplier<String> urls) {
        socketModeUrls = urls;
    }

    private final Map<String, String> timeZones = new ConcurrentHashMap<>();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final Map<String, List<String>> installs = new ConcurrentHashMap<>();
    private final java.util.Set<String> admins = ConcurrentHashMap.newKeySet();

    /** Makes {@code users.info} say the person is an admin. */
    void admin(String userId) {
        admins.add(userId);
    }

    /** Makes {@code oauth.v2.access} trade this code for a bot token of the workspace. */
    void installable(String code, String teamId, String botToken) {
        installs.put(code, List.of(teamId, botToken));
    }

    /** The answer of {@code oauth.v2.access}, shaped like Slack's. */
    private JsonNode oauthAccess(String code) {
        List<String> install = code == null ? null : installs.get(code);
        if (install == null) {
            return JSON.createObjectNode().put("ok", false).put("error", "invalid_code");
        }
        ObjectNode answer = ok().put("access_token", install.get(1))
                .put("token_type", "bot")
                .put("scope", "commands,chat:write,reactions:write")
                .put("bot_user_id", TestWorkspace.BOT_USER_ID)
                .put("app_id", TestWorkspace.APP_ID)
                .put("is_enterprise_install", false);
        answer.putObject("team").put("id", install.get(0)).put("name", "Office " + install.get(0));
        answer.putNull("enterprise");
        answer.putObject("authed_user").put("id", TestWorkspace.USER_ID);
        return answer;
    }

    /** Gives a user a time zone in {@code users.info}; others are in {@code America/New_York}. */
    void timeZone(String userId, String zone) {
        timeZones.put(userId, zone);
    }

    /** Makes a user group with these members for {@code usergroups.users.list}; unknown groups are empty. */
    void userGroup(String groupId, List<String> members) {
        userGroups.put(groupId, List.copyOf(members));
    }

    Answer answer(String method, Map<String, String> params) {
        return Answer.json(
                switch (method) {
                    case "auth.test" -> authTest();
                    case "chat.postMessage" -> postMessage(params);
                    case "chat.update" -> updateMessage(params);
                    case "chat.postEphemeral" -> ok().put("message_ts", nextTs());
                    case "chat.getPermalink" -> permalink(params);
                    case "chat.delete" ->
                        ok().put("channel", params.get("channel")).put("ts", params.get("ts"));
                    case "views.open", "views.update", "views.publish" -> ok().set("view", view(method, params));
                    case "users.info" -> ok().set("user", user(params.getOrDefault("user", TestWorkspace.USER_ID)));
                    case "usergroups.users.list" -> userGroupMembers(params.get("usergroup"));
                    case "conversations.info" -> ok().set("channel", channel(params.get("channel")));
                    case "apps.connections.open" -> ok().put("url", socketModeUrls.get());
                    case "oauth.v2.access" -> oauthAccess(params.get("code"));
                    case "bots.info" -> ok().set("bot", bot(params.getOrDefault("bot", TestWorkspace.BOT_ID)));
                    default -> ok();
                });
    }

    /** A fresh message timestamp, increasing by 100 µs per call: {@code 1700000000.000100}, {@code ...000200}. */
    String nextTs() {
        long micros = nextTsMicros.getAndAdd(TS_STEP_MICROS);
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode authTest() {
        return ok().put("url", "https://" + TestWorkspace.TEAM_DOMAIN + ".slack.com/")
                .put("team", TestWorkspace.TEAM_NAME)
                .put("user", TestWorkspace.BOT_USER_NAME)
                .put("team_id", TestWorkspace.TEAM_ID)
                .put("user_id", TestWorkspace.BOT_USER_ID)
                .put("bot_id", TestWorkspace.BOT_ID)
                .put("app_id", TestWorkspace.APP_ID)
                .put("is_enterprise_install", false);
    }

    private ObjectNode postMessage(Map<String, String> params) {
        String ts = nextTs();
        String threadTs = params.get("thread_ts");
        if (threadTs != null) {
            threadOfPostedMessage.put(ts, threadTs);
        }
        ObjectNode message = botMessage(params.get("text"), ts, threadTs);
        copyJson(params, "blocks", message);
        ObjectNode answer =
                ok().put("channel", conversation(params.get("channel"))).put("ts", ts);
        answer.set("message", message);
        return answer;
    }

    /** Where a post lands: a post to a person's user id goes to the app's direct message with them. */
    private static String conversation(String channel) {
        boolean person = channel != null && (channel.startsWith("U") || channel.startsWith("W"));
        return person ? TestWorkspace.directMessageWith(channel) : channel;
    }

    private static ObjectNode updateMessage(Map<String, String> params) {
        ObjectNode message = botMessage(params.get("text"), params.get("ts"), null);
        copyJson(params, "blocks", message);
        ObjectNode answer = ok().put("channel", params.get("channel"))
                .put("ts", params.get("ts"))
                .put("text", params.get("text"));
        answer.set("message", message);
        return answer;
    }

    private static ObjectNode botMessage(String text, String ts, String threadTs) {
        ObjectNode message = JSON.createObjectNode()
                .put("type", "message")
                .put("user", TestWorkspace.BOT_USER_ID)
                .put("bot_id", TestWorkspace.BOT_ID)
                .put("app_id", TestWorkspace.APP_ID)
                .put("team", TestWorkspace.TEAM_ID)
                .put("text", text)
                .put("ts", ts);
        return threadTs == null ? message : message.put("thread_ts", threadTs);
    }

    private ObjectNode permalink(Map<String, String> params) {
        String channel = params.get("channel");
        String ts = params.getOrDefault("message_ts", "");
        String threadTs = params.getOrDefault("thread_ts", threadOfPostedMessage.get(ts));
        String link = "https://example.slack.com/archives/" + channel + "/p" + ts.replace(".", "");
        if (threadTs != null) {
            link += "?thread_ts=" + threadTs + "&cid=" + channel;
        }
        return ok().put("channel", channel).put("permalink", link);
    }

    private ObjectNode view(String method, Map<String, String> params) {
        ObjectNode view = parseObject(params.get("view"));
        String id = params.getOrDefault("view_id", String.format("V0VIEW%04d", nextViewNumber.getAndIncrement()));
        view.put("id", id)
                .put("team_id", TestWorkspace.TEAM_ID)
                .put("app_id", TestWorkspace.APP_ID)
                .put("bot_id", TestWorkspace.BOT_ID)
                .put("hash", "1700000000.hash" + id)
                .put("root_view_id", id);
        if (!view.has("type")) {
            view.put("type", method.equals("views.publish") ? "home" : "modal");
        }
        view.putObject("state").putObject("values");
        return view;
    }

    private ObjectNode userGroupMembers(String groupId) {
        ObjectNode answer = ok();
        com.fasterxml.jackson.databind.node.ArrayNode users = answer.putArray("users");
        userGroups.getOrDefault(groupId == null ? "" : groupId, List.of()).forEach(users::add);
        return answer;
    }

    private ObjectNode user(String userId) {
        boolean isDefaultUser = userId.equals(TestWorkspace.USER_ID);
        String name = isDefaultUser ? TestWorkspace.USER_NAME : userId.toLowerCase();
        String realName = isDefaultUser ? TestWorkspace.USER_REAL_NAME : "User " + userId;
        ObjectNode user = JSON.createObjectNode()
                .put("id", userId)
                .put("team_id", TestWorkspace.TEAM_ID)
                .put("name", name)
                .put("real_name", realName)
                .put("tz", timeZones.getOrDefault(userId, "America/New_York"))
                .put("tz_label", "Eastern Standard Time")
                .put("tz_offset", -18000)
                .put("is_bot", false)
                .put("is_admin", admins.contains(userId))
                .put("is_owner", false)
                .put("deleted", false);
        user.putObject("profile").put("real_name", realName).put("display_name", name);
        return user;
    }

    private static ObjectNode channel(String channelId) {
        String id = channelId == null ? TestWorkspace.CHANNEL_ID : channelId;
        String name = id.equals(TestWorkspace.CHANNEL_ID) ? TestWorkspace.CHANNEL_NAME : "channel-" + id.toLowerCase();
        return JSON.createObjectNode()
                .put("id", id)
                .put("name", name)
                .put("is_channel", true)
                .put("is_private", false)
                .put("is_archived", false)
                .put("is_member", true)
                .put("created", 1_690_000_000L)
                .put("context_team_id", TestWorkspace.TEAM_ID);
    }

    /** Bolt asks {@code bots.info} for {@code bot_message} events; the app's own bot maps to its bot user. */
    private static ObjectNode bot(String botId) {
        boolean isOwnBot = botId.equals(TestWorkspace.BOT_ID);
        ObjectNode bot = JSON.createObjectNode()
                .put("id", botId)
                .put("deleted", false)
                .put("name", isOwnBot ? TestWorkspace.BOT_USER_NAME : "bot-" + botId.toLowerCase())
                .put("updated", 1_690_000_000L)
                .put("app_id", isOwnBot ? TestWorkspace.APP_ID : "A" + botId.substring(1))
                .put("user_id", isOwnBot ? TestWorkspace.BOT_USER_ID : "U" + botId.substring(1));
        bot.putObject("icons").put("image_48", "https://a.slack-edge.com/80588/img/plugins/app/bot_48.png");
        return bot;
    }

    private static void copyJson(Map<String, String> params, String name, ObjectNode target) {
        String text = params.get(name);
        if (text != null) {
            JsonNode parsed = parse(text);
            target.set(name, parsed == null ? JSON.getNodeFactory().textNode(text) : parsed);
        }
    }

    private static ObjectNode parseObject(String text) {
        JsonNode parsed = text == null ? null : parse(text);
        return parsed instanceof ObjectNode object ? object : JSON.createObjectNode();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
