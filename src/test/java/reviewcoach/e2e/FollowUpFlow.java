package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.TestWorkspace;

/**
 * Takes a session to its response plan, writes action items and finishes it; then reads the summary, the owners'
 * direct messages and reminders the bot posted, and presses their buttons the way Slack would.
 */
final class FollowUpFlow {

    static final String STARTER = TestWorkspace.USER_ID;

    private final RunningService service;
    private final FakeSlackApi slack;
    private final String summaryChannel;
    private final SessionFlow session;

    FollowUpFlow(RunningService service, FakeSlackApi slack, String summaryChannel) {
        this.service = service;
        this.slack = slack;
        this.summaryChannel = summaryChannel;
        this.session = new SessionFlow(service, slack);
    }

    /** Starts a session, writes a circumstance, moves to the plan, and leaves it there. */
    FollowUpFlow toPlan(String review) {
        session.start(review);
        session.reply("U0BOB", "A review on Google says the wait was 40 minutes");
        for (int step = 2; step <= 10; step++) {
            session.reply(STARTER, "next");
        }
        session.awaitPrompt(10);
        return this;
    }

    /** Writes lines in the plan, then the starter types {@code done}; waits for the summary and what follows it. */
    FollowUpFlow finishWith(String... planLines) {
        for (String line : planLines) {
            session.reply(STARTER, line);
        }
        session.reply(STARTER, "done");
        awaitSummary();
        service.awaitOutboxEmpty();
        return this;
    }

    SessionFlow session() {
        return session;
    }

    /** The summaries posted (not updated) to the managers' channel. */
    List<FakeSlackApi.Call> summaries() {
        return posts(call -> summaryChannel.equals(call.param("channel")) && call.param("thread_ts") == null);
    }

    FakeSlackApi.Call awaitSummary() {
        return await(() -> summaries(), 1, "a summary").get(0);
    }

    /** The updates of the posted summary, in place. */
    List<FakeSlackApi.Call> summaryUpdates() {
        String ts = summaryMessage()[1];
        return slack.calls("chat.update").stream()
                .filter(call -> summaryChannel.equals(call.param("channel")))
                .filter(call -> ts.equals(call.param("ts")))
                .toList();
    }

    /** Direct messages to one person listing their items (not reminders). */
    List<FakeSlackApi.Call> ownerMessages(String owner) {
        return posts(call -> owner.equals(call.param("channel"))
                && call.param("text") != null
                && call.param("text").contains("from a review"));
    }

    /** Reminders sent to one person. */
    List<FakeSlackApi.Call> reminders(String owner) {
        return posts(call -> owner.equals(call.param("channel"))
                && call.param("text") != null
                && (call.param("text").startsWith("Overdue:")
                        || call.param("text").startsWith("Due today:")));
    }

    /** Waits until there are at least {@code count} reminders for an owner. */
    List<FakeSlackApi.Call> awaitReminders(String owner, int count) {
        return await(() -> reminders(owner), count, count + " reminders for " + owner);
    }

    /** The value of the Done button next to the item whose words contain {@code words}. */
    static String doneValue(FakeSlackApi.Call message, String words) {
        JsonNode blocks = message.jsonParam("blocks");
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            if (!block.path("text").path("text").asText().contains(words)) {
                continue;
            }
            if (block.has("accessory")) {
                return block.get("accessory").get("value").asText();
            }
            JsonNode next = blocks.path(i + 1);
            if (next.path("block_id").asText().startsWith("action_item:")) {
                return next.get("elements").get(0).get("value").asText();
            }
        }
        throw new AssertionError("no item '" + words + "' in " + blocks);
    }

    /** Presses Done on a message the bot posted, as {@code user}, where the fake said the message went. */
    AppClient.Reply pressDone(String value, String channel, String ts, String user, String responseId) {
        BlockAction press = BlockAction.button("action_item_done", value)
                .withUser(user, user.toLowerCase())
                .withChannel(channel, "c")
                .withMessage(ts, null)
                .withResponseUrl(slack.responseUrl(responseId));
        AppClient.Reply reply = service.client().send(service.requests().blockAction(press));
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    /** Picks a new owner in an item's Reassign menu, as {@code user}, on the posted summary. */
    AppClient.Reply reassign(String itemId, String newOwner, String user, String responseId) {
        String[] summary = summaryMessage();
        BlockAction press = BlockAction.button("action_item_reassign", null)
                .withBlockId("action_item:" + itemId)
                .withUser(user, user.toLowerCase())
                .withChannel(summary[0], "managers")
                .withMessage(summary[1], null)
                .withResponseUrl(slack.responseUrl(responseId));
        ObjectNode payload = press.toPayload(Instant.now());
        ObjectNode action = (ObjectNode) payload.get("actions").get(0);
        action.put("type", "users_select").put("selected_user", newOwner).remove(List.of("value", "text"));
        AppClient.Reply reply = service.client().send(service.requests().interaction(payload));
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    /** Where the summary was posted, as the service remembered it: channel and ts. */
    String[] summaryMessage() {
        return row("SELECT summary_channel, summary_message FROM sessions WHERE summary_message IS NOT NULL");
    }

    /**
     * The ts of the latest message the bot posted to a person: it posts to their user id, and Slack answers with (and
     * the service keeps) the direct message's id.
     */
    String lastMessageTo(String user) {
        return row("SELECT channel, message_id FROM bot_messages WHERE channel = '"
                + TestWorkspace.directMessageWith(user) + "' ORDER BY message_id DESC")[1];
    }

    private String[] row(String sql) {
        try (Connection connection = service.connectToDatabase();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("nothing for " + sql);
            }
            return new String[] {rows.getString(1), rows.getString(2)};
        } catch (SQLException failure) {
            throw new AssertionError("could not read the database", failure);
        }
    }

    private List<FakeSlackApi.Call> posts(Predicate<FakeSlackApi.Call> matching) {
        return new ArrayList<>(
                slack.calls("chat.postMessage").stream().filter(matching).toList());
    }

    private interface Calls {
        List<FakeSlackApi.Call> get();
    }

    private List<FakeSlackApi.Call> await(Calls calls, int count, String what) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (calls.get().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + what + ": " + slack.calls());
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        return calls.get();
    }
}
