package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.HostileRequest;
import reviewcoach.testing.HostileRequests;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SignedRequest;
import reviewcoach.testing.SlackRequests;

/**
 * Hundreds of malformed requests, generated from a seed ({@code -Dhostile.seed=...} repeats a run), most of them signed
 * so they reach the app's own code: none gets a 5xx or a glimpse of the app's insides, and the service keeps serving.
 */
class HostileInputEndToEndTest {

    private static final long DEFAULT_SEED = 20_261_122L;
    private static final String NO_RETRY = "X-Slack-No-Retry";
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final int REQUESTS = 400;
    private static final Pattern LEAK = Pattern.compile(
            "Exception|Error:|\\tat |Caused by|\\.java:|java\\.|jakarta\\.|org\\.eclipse|com\\.slack|com\\.google"
                    + "|com\\.fasterxml|org\\.h2|reviewcoach\\.");

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(folder, slack, null);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @Test
    void malformedRequestsGetA4xxOrAHarmless200AndTheServiceKeepsServing() {
        SessionFlow session = new SessionFlow(service, slack).start("The front desk never called me back.");
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        List<HostileRequest> hostile = new HostileRequests(
                        seed, service.requests(), session.thread(), slack.responseUrl("hostile"))
                .generate(REQUESTS);

        List<String> problems = new ArrayList<>();
        for (int index = 0; index < hostile.size(); index++) {
            HostileRequest request = hostile.get(index);
            String problem = problemWith(request);
            if (problem != null) {
                problems.add("#" + index + " " + problem + " <- " + request);
            }
        }

        assertEquals(List.of(), problems, "seed " + seed + ": " + problems.size() + " of " + hostile.size());
        assertEquals(200, service.client().get("/healthz").status(), "still healthy");
        SessionFlow another = new SessionFlow(service, slack).start("Nobody answered the phone for a week.");
        another.reply("U0BOB", "next");
        assertEquals("Step 2 of 10 · Thought", SessionFlow.stepTitle(another.awaitPrompt(2)), "sessions go on");
    }

    @Test
    void anEventTheDatabaseCouldNotTakeGetsA503AndSlacksRetryIsKeptOnce() throws Exception {
        SessionFlow session = new SessionFlow(service, slack).start("They lost my paperwork.");
        ChatMessage line = ChatMessage.reply(session.thread(), "A review was posted on Monday")
                .withUser("U0BOB");
        String eventId = service.requests().nextEventId();
        slack.awaitQuiet(QUIET, RunningService.WAIT);

        databaseRefusesEvents(true);
        SignedRequest delivery = service.requests().event(eventId, MessageEvents.message(line));
        AppClient.Reply refused = service.client().send(delivery);
        databaseRefusesEvents(false);
        AppClient.Reply retried = service.client().send(delivery.asRetry(1, "http_error"));

        assertEquals(503, refused.status(), refused.body());
        assertEquals("Service Unavailable", refused.json().get("error").asText());
        assertNull(refused.header(NO_RETRY), "Slack may send it again");
        assertEquals(200, retried.status(), retried.body());
        assertEquals(
                line.ts(),
                slack.awaitCalls("reactions.add", 1, RunningService.WAIT).get(0).param("timestamp"));
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(1, slack.calls("reactions.add").size(), "kept once");
        long eventTime =
                new ObjectMapper().readTree(delivery.body()).get("event_time").asLong();
        assertEquals(
                List.of(String.format("%010d:%s", eventTime, eventId)),
                handledKeysEndingWith(eventId),
                "remembered once, by the second Slack sent it and its id: new keys go to the end of the index");
    }

    private List<String> handledKeysEndingWith(String suffix) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = service.connectToDatabase();
                PreparedStatement query =
                        connection.prepareStatement("SELECT event_id FROM processed_events WHERE event_id LIKE ?")) {
            query.setString(1, "%" + suffix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }

    @Test
    void aSignedRequestThatCanNeverSucceedIsRefusedAndSlackIsToldNotToSendItAgain() {
        ObjectNode event = MessageEvents.message(ChatMessage.topLevel("Hello"));
        event.putArray("user").add(1);
        List<SignedRequest> hopeless = List.of(
                service.requests().sign(SlackRequests.JSON, "{\"type\":\"event_callback\"}"),
                service.requests().event(event),
                service.requests()
                        .sign(
                                SlackRequests.JSON,
                                "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"text\":\""
                                        + "A".repeat(2 * 1024 * 1024) + "\"}}"));

        for (SignedRequest request : hopeless) {
            AppClient.Reply reply = service.client().send(request);
            assertTrue(reply.status() == 400 || reply.status() == 413, reply.status() + " " + reply.body());
            assertEquals("1", reply.header(NO_RETRY), reply.status() + " " + reply.body());
        }
    }

    /** Takes away, or gives back, the table every handled event is recorded in: the database then fails the event. */
    private void databaseRefusesEvents(boolean refuse) throws Exception {
        try (Connection connection = service.connectToDatabase()) {
            connection
                    .createStatement()
                    .execute(
                            refuse
                                    ? "ALTER TABLE processed_events RENAME TO processed_events_away"
                                    : "ALTER TABLE processed_events_away RENAME TO processed_events");
        }
    }

    /** What is wrong with the answer to one request, or null when it is fine. */
    private String problemWith(HostileRequest request) {
        AppClient.Reply reply;
        try {
            reply = request.sendWith(clientFor(request));
        } catch (UncheckedIOException failure) {
            return "no answer (" + failure.getCause() + ")";
        }
        boolean harmless = reply.status() == 200 || (reply.status() >= 400 && reply.status() < 500);
        if (!harmless) {
            return "status " + reply.status() + " " + abbreviate(reply.body());
        }
        if (LEAK.matcher(reply.body()).find()) {
            return "leaks " + abbreviate(reply.body());
        }
        return null;
    }

    /**
     * Jetty answers a path such as {@code /%00} with a 400 and then closes the connection without saying so, and a
     * client that reuses it loses its next request; other paths go over a connection of their own.
     */
    private AppClient clientFor(HostileRequest request) {
        return request.path().equals(AppClient.EVENTS_PATH) ? service.client() : service.newClient();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
