package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.FakeSocketMode;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestDatabase;
import reviewcoach.testing.TestWorkspace;

/** The service as a real process in Socket Mode: it works without a signing secret and SIGTERM closes the socket. */
class SocketModeProcessEndToEndTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private FakeSocketMode socket;
    private TestDatabase database;
    private ServiceProcess process;

    @BeforeEach
    void startSlack() {
        slack = FakeSlackApi.start();
        socket = FakeSocketMode.start();
        slack.answerSocketModeWith(socket::nextUrl);
        database = TestDatabase.create(folder);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (process != null) {
            process.close();
        }
        socket.close();
        slack.close();
        database.close();
    }

    @Test
    void runsWithAnAppTokenAloneAndClosesTheSocketOnSigterm() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("SLACK_APP_TOKEN", RunningService.APP_TOKEN);
        environment.put("SLACK_BOT_TOKEN", TestWorkspace.BOT_TOKEN);
        environment.put("PORT", String.valueOf(ServiceProcess.freePort()));
        environment.put("SLACK_API_URL", slack.apiUrl());
        environment.putAll(database.environment());
        process = ServiceProcess.start(folder, environment).awaitHealthy(START);
        socket.awaitConnections(1, RunningService.WAIT);

        String command = socket.sendSlashCommand(SlashCommand.of("/review", "Nobody called me back, ever."));
        socket.awaitAck(command, RunningService.WAIT);
        String thread = slack.awaitCalls("chat.postMessage", 2, RunningService.WAIT)
                .get(1)
                .param("thread_ts");
        SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET);
        ChatMessage reply = ChatMessage.reply(thread, "A review says \"nobody called back\"");
        String event =
                socket.sendEvent(requests.eventEnvelope(requests.nextEventId(), MessageEvents.message(reply)), 0);
        socket.awaitAck(event, RunningService.WAIT);
        assertEquals(
                "connected",
                process.client().get("/healthz").json().path("socket_mode").asText());

        assertEquals(143, process.terminate(), "the JVM's exit code after SIGTERM: " + process.output());
        socket.awaitAllClosed(RunningService.WAIT);
        String output = process.output();
        assertTrue(output.contains("closed the Socket Mode connection"), output);
        assertFalse(output.contains(RunningService.APP_TOKEN), "never logs the app-level token");
        assertFalse(output.contains(TestWorkspace.BOT_TOKEN), "never logs the bot token");
        assertFalse(output.contains("called"), "never logs what people wrote: " + output);
    }
}
