package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.config.Policy;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.Golden;
import reviewcoach.testing.HomeEvents;
import reviewcoach.testing.SettableClock;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;

/**
 * The App Home, {@code /review list} and {@code /review digest}, driven as Slack would: sessions started with
 * {@code /review}, action items and feelings written into the database as the rest of the app would, then the Home tab
 * opened and the commands typed.
 */
class HomeEndToEndTest {

    private static final String MANAGERS_CHANNEL = "C0MANAGERS";
    private static final String MANAGER = "U0MANAGER";
    private static final String BOB = "U0BOB";
    /** A Wednesday: the weekly digest (Mondays at 9) is two days past, so it is not sent on start. */
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock(NOW);
    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.startWithClock(
                folder,
                slack,
                MANAGERS_CHANNEL,
                Policy.defaults().withManagers(Set.of(MANAGER)),
                ReviewCoach.Tuning.standard().withDigestPoll(Duration.ofMillis(50)),
                clock,
                UnaryOperator.identity());
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @Test
    void theHomeShowsOpenSessionsMyItemsWithDoneButtonsWhatFinishedAndTheMonth() throws Exception {
        Team team = seedTeam();

        JsonNode alicesHome = openHome(TestWorkspace.USER_ID);
        String home = alicesHome.toString();
        assertTrue(home.contains("The front desk never called back"), "the open session");
        assertTrue(home.contains("Step 1 of 10 · Circumstance"), "with its step");
        assertTrue(home.contains("https://reviewcoach-test.slack.com/archives/" + TestWorkspace.CHANNEL_ID + "/p"));
        assertTrue(home.contains("Call the reviewer back"), "my item");
        assertTrue(home.contains("\"action_id\":\"action_item_done\""), "with a Done button");
        assertTrue(home.contains("\"value\":\"" + team.alicesFirstItem() + "\""), "carrying the item's id");
        assertTrue(home.contains("Parking was a nightmare"), "the finished session");
        assertTrue(home.contains(":large_orange_square:") && home.contains("anxious · 2"), "the feelings before");
        assertTrue(home.contains(":large_blue_square:") && home.contains("calm · 1"), "and after");
        assertFalse(home.contains("hygienist"), "Bob's private session stays his: " + home);
        assertFalse(home.contains("Send Bob's private note"), "and so do its items");
        Golden.assertMatches("home-view", alicesHome);

        String bobsHome = openHome(BOB).toString();
        assertTrue(bobsHome.contains("The hygienist was rough"), "a private session shows in its starter's home");
        assertTrue(bobsHome.contains("your direct message"));
        assertTrue(bobsHome.contains("Talk to the hygienist"), "his items in his private session");

        int published = slack.calls("views.publish").size();
        send(HomeEvents.messagesTabOpened(TestWorkspace.USER_ID));
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(published, slack.calls("views.publish").size(), "the Messages tab publishes nothing");
    }

    @Test
    void doneInTheHomeMarksTheItemAndPublishesTheHomeAgainWithoutIt() throws Exception {
        Team team = seedTeam();
        assertTrue(openHome(TestWorkspace.USER_ID).toString().contains("Call the reviewer back"));
        int published = slack.calls("views.publish").size();

        AppClient.Reply reply = service.client().send(service.requests().interaction(pressedInHome(team)));

        assertEquals(200, reply.status(), reply.body());
        FakeSlackApi.Call again = slack.awaitCalls("views.publish", published + 1, RunningService.WAIT)
                .get(published);
        assertEquals(TestWorkspace.USER_ID, again.param("user_id"));
        assertFalse(again.jsonParam("view").toString().contains("Call the reviewer back"), "the done item is gone");
        assertTrue(again.jsonParam("view").toString().contains("Check the billing queue"), "the other stays");
    }

    /** Done pressed on the App Home: Slack's payload has a view for its container, and no channel or message. */
    private com.fasterxml.jackson.databind.node.ObjectNode pressedInHome(Team team) {
        com.fasterxml.jackson.databind.node.ObjectNode payload = BlockAction.button(
                        "action_item_done", String.valueOf(team.alicesFirstItem()))
                .toPayload(clock.instant());
        payload.remove(List.of("channel", "message", "response_url"));
        payload.putObject("container").put("type", "view").put("view_id", "V0HOME");
        payload.putObject("view")
                .put("id", "V0HOME")
                .put("type", "home")
                .put("team_id", TestWorkspace.TEAM_ID)
                .put("callback_id", "")
                .put("hash", "1700000000.abc");
        return payload;
    }

    @Test
    void anEmptyHomeSaysHowToStart() {
        String home = openHome(TestWorkspace.USER_ID).toString();
        assertTrue(home.contains("No open sessions. Type `/review` and paste a review in any channel to start one."));
        assertTrue(home.contains("A quiet month so far"));
    }

    @Test
    void listShowsTheOpenSessionsOfThisChannelOnly() throws Exception {
        seedTeam();
        AppClient.Reply reply =
                service.client().send(service.requests().slashCommand(SlashCommand.of("/review", "list")));
        assertEquals(200, reply.status());
        assertEquals("ephemeral", reply.json().path("response_type").asText(), reply.body());
        String blocks = reply.json().path("blocks").toString();
        assertTrue(blocks.contains("One session is open here"), blocks);
        assertTrue(blocks.contains("The front desk never called back"), blocks);
        assertTrue(blocks.contains("Step 1 of 10 · Circumstance"), blocks);
        assertFalse(blocks.contains("Parking was a nightmare"), "finished sessions are not listed");

        AppClient.Reply elsewhere = service.client()
                .send(service.requests()
                        .slashCommand(SlashCommand.of("/review", "list").withChannel("C0OTHER", "other")));
        assertTrue(elsewhere.json().path("text").asText().startsWith("No open sessions in this channel"));
    }

    @Test
    void digestIsRefusedToOthersAndPostedForAManager() throws Exception {
        seedTeam();
        AppClient.Reply refused =
                service.client().send(service.requests().slashCommand(SlashCommand.of("/review", "digest")));
        assertTrue(refused.json().path("text").asText().startsWith("Only managers can post the digest"));
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertTrue(digests().isEmpty(), "nothing posted for someone who is not a manager");

        clock.advance(Duration.ofMinutes(1));
        AppClient.Reply accepted = service.client()
                .send(service.requests()
                        .slashCommand(SlashCommand.of("/review", "digest").withUser(MANAGER, "manager")));
        assertTrue(accepted.body().contains("Posting the week in reviews"), accepted.body());
        service.awaitOutboxEmpty();
        List<FakeSlackApi.Call> posted = digests();
        assertEquals(1, posted.size());
        String blocks = posted.get(0).jsonParam("blocks").toString();
        assertTrue(blocks.contains("<@" + TestWorkspace.USER_ID + "> · 2 open, 1 overdue"), blocks);
        assertFalse(blocks.contains(BOB), "a private session's items stay out of the digest");
        assertTrue(posted.get(0).param("text").contains("2 action items open, 1 overdue"));
        Golden.assertMatches("digest", posted.get(0).jsonParam("blocks"));
    }

    private List<FakeSlackApi.Call> digests() {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> MANAGERS_CHANNEL.equals(call.param("channel")))
                .filter(call -> call.param("text").startsWith("The week in reviews"))
                .toList();
    }

    /** Ids of what a test checks. */
    private record Team(long alicesFirstItem) {}

    /**
     * Alice finishes one session and leaves another open in the channel; Bob works privately; items and feelings are
     * written as the rest of the app writes them.
     */
    private Team seedTeam() throws SQLException {
        SessionFlow finished = new SessionFlow(service, slack).start("Parking was a nightmare and nobody helped.");
        finished.reply(TestWorkspace.USER_ID, "A review says \"parking was a nightmare\"");
        slack.awaitCalls("reactions.add", 1, RunningService.WAIT);
        // Everything owed settled before the clock jumps: a reaction goes without waiting for the prompt's settling,
        // and a claim still open when 45 minutes pass would have run out, so the prompt would go a second time.
        service.awaitOutboxEmpty();
        clock.advance(Duration.ofMinutes(45));
        finished.reply(TestWorkspace.USER_ID, "done");
        service.awaitOutboxEmpty();

        new SessionFlow(service, slack).start("The front desk never called back about my bill.");
        service.client()
                .send(service.requests()
                        .slashCommand(SlashCommand.of("/review", "private The hygienist was rough and rude.")
                                .withUser(BOB, "bob")));
        service.awaitOutboxEmpty();

        try (Connection connection = service.connectToDatabase()) {
            long parking = sessionId(connection, "Parking%");
            long frontDesk = sessionId(connection, "The front desk%");
            long hygienist = sessionId(connection, "The hygienist%");
            feeling(connection, parking, "FEELING", "Anxious", "f1");
            feeling(connection, parking, "FEELING", "anxious.", "f2");
            feeling(connection, parking, "FEELING", "embarrassed", "f3");
            feeling(connection, parking, "NEW_FEELING", "calm", "f4");
            feeling(connection, hygienist, "FEELING", "ashamed", "f5");
            long first = item(connection, parking, 1, "Call the reviewer back", TestWorkspace.USER_ID, "2026-11-20");
            item(connection, frontDesk, 1, "Check the billing queue", TestWorkspace.USER_ID, null);
            item(connection, hygienist, 1, "Send Bob's private note", TestWorkspace.USER_ID, "2026-11-01");
            item(connection, hygienist, 2, "Talk to the hygienist", BOB, null);
            return new Team(first);
        }
    }

    private JsonNode openHome(String user) {
        int before = slack.calls("views.publish").size();
        send(HomeEvents.homeOpened(user));
        FakeSlackApi.Call publish = slack.awaitCalls("views.publish", before + 1, RunningService.WAIT)
                .get(before);
        assertEquals(user, publish.param("user_id"));
        return publish.jsonParam("view");
    }

    private void send(com.fasterxml.jackson.databind.node.ObjectNode event) {
        AppClient.Reply reply = service.client().send(service.requests().event(event));
        assertEquals(200, reply.status(), reply.body());
    }

    private static long sessionId(Connection connection, String reviewLike) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id FROM sessions WHERE review_text LIKE ?")) {
            select.setString(1, reviewLike);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "no session like " + reviewLike);
                return rows.getLong(1);
            }
        }
    }

    private void feeling(Connection connection, long session, String step, String text, String messageId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contributions"
                + " (session_id, message_id, step, author, text, written_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, session);
            insert.setString(2, messageId);
            insert.setString(3, step);
            insert.setString(4, TestWorkspace.USER_ID);
            insert.setString(5, text);
            insert.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private long item(Connection connection, long session, int position, String description, String owner, String due)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO action_items (session_id, workspace, position, description, owner, due_date, status,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                new String[] {"id"})) {
            insert.setLong(1, session);
            insert.setString(2, TestWorkspace.TEAM_ID);
            insert.setInt(3, position);
            insert.setString(4, description);
            insert.setString(5, owner);
            insert.setObject(6, due == null ? null : LocalDate.parse(due));
            insert.setObject(7, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
