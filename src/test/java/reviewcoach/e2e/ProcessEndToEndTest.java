package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SignedRequest;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestDatabase;
import reviewcoach.testing.TestWorkspace;

/** The service as a real process: what it says without settings, and what survives SIGKILL and SIGTERM. */
class ProcessEndToEndTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private TestDatabase database;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET);

    @BeforeEach
    void startSlack() {
        slack = FakeSlackApi.start();
        database = TestDatabase.create(folder);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ServiceProcess process : processes) {
            process.close();
        }
        slack.close();
        database.close();
    }

    private Map<String, String> environment(int port) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SLACK_SIGNING_SECRET", TestWorkspace.SIGNING_SECRET);
        environment.put("SLACK_BOT_TOKEN", TestWorkspace.BOT_TOKEN);
        environment.put("PORT", String.valueOf(port));
        environment.put("SLACK_API_URL", slack.apiUrl());
        environment.put("SUMMARY_CHANNEL", "C0MANAGERS");
        environment.putAll(database.environment());
        return environment;
    }

    private ServiceProcess start(Map<String, String> environment) throws Exception {
        ServiceProcess process = ServiceProcess.start(folder, environment);
        processes.add(process);
        return process;
    }

    @Test
    void withoutSlackSettingsItSaysWhatToSetAndWhereToGetIt() throws Exception {
        ServiceProcess process = start(Map.of());

        int exit = process.awaitExit();

        String output = process.output();
        assertEquals(2, exit, output);
        assertTrue(output.contains("SLACK_SIGNING_SECRET is not set"), output);
        assertTrue(output.contains("https://api.slack.com/apps"), output);
        assertTrue(output.contains(".env.example"), output);
        assertFalse(output.contains("Exception"), "no stack trace: " + output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }

    @Test
    void nothingAckedIsLostWhenTheProcessIsKilledAndEveryStepGoesOn() throws Exception {
        int port = ServiceProcess.freePort();
        ServiceProcess first = start(environment(port)).awaitHealthy(START);
        AppClient client = first.client();
        assertEquals(
                200,
                client.send(requests.slashCommand(SlashCommand.of("/review", "Nobody called me back.")))
                        .status());
        String thread = slack.awaitCalls("chat.postMessage", 2, RunningService.WAIT)
                .get(1)
                .param("thread_ts");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String line = "A review says \"nobody called back\" (" + i + ")";
            ChatMessage reply = ChatMessage.reply(thread, line).withUser("U0P" + i);
            assertEquals(
                    200,
                    client.send(requests.event(MessageEvents.message(reply))).status());
            lines.add(line);
        }
        assertEquals(
                200,
                client.send(requests.event(MessageEvents.message(ChatMessage.reply(thread, "next"))))
                        .status());

        first.kill();

        ServiceProcess second = start(environment(port)).awaitHealthy(START);
        second.client().send(requests.event(MessageEvents.message(ChatMessage.reply(thread, "done"))));
        FakeSlackApi.Call summary = awaitSummary();
        String blocks = summary.jsonParam("blocks").toString();
        for (String line : lines) {
            assertTrue(blocks.contains(line.replace("\"", "\\\"")), "kept after SIGKILL: " + line + " in " + blocks);
        }
        assertEquals(143, second.terminate(), "the JVM's exit code after SIGTERM: " + second.output());
        assertTrue(second.output().contains("stopped"), second.output());
        assertFalse(second.output().contains(TestWorkspace.BOT_TOKEN), "never logs the token");
        assertFalse(second.output().contains("nobody called back"), "never logs what people wrote");
    }

    @Test
    void killedDuringABurstItLosesNothingAckedAndSlacksRetriesApplyOnce() throws Exception {
        int port = ServiceProcess.freePort();
        ServiceProcess first = start(environment(port)).awaitHealthy(START);
        first.client().send(requests.slashCommand(SlashCommand.of("/review", "They lost my file.")));
        String thread = slack.awaitCalls("chat.postMessage", 2, RunningService.WAIT)
                .get(1)
                .param("thread_ts");
        List<ChatMessage> replies = new ArrayList<>();
        List<SignedRequest> deliveries = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            ChatMessage reply = ChatMessage.reply(thread, "A review says the file was lost, line " + i)
                    .withUser("U0P" + i);
            replies.add(reply);
            deliveries.add(requests.event(MessageEvents.message(reply)));
        }
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        CountDownLatch twentyAcked = new CountDownLatch(20);
        Thread burst = new Thread(() -> {
            AppClient client = first.client();
            for (int i = 0; i < replies.size(); i++) {
                try {
                    if (client.send(deliveries.get(i)).status() == 200) {
                        acked.add(i);
                        twentyAcked.countDown();
                    }
                } catch (RuntimeException refused) {
                    // the process is gone: Slack would retry this event later
                }
            }
        });
        burst.start();
        assertTrue(twentyAcked.await(60, TimeUnit.SECONDS), "the burst got going");

        first.kill();
        burst.join();
        assertTrue(acked.size() < replies.size(), "the kill landed during the burst: " + acked.size());

        ServiceProcess second = start(environment(port)).awaitHealthy(START);
        AppClient client = second.client();
        for (int i = 0; i < replies.size(); i++) {
            // Slack retries what was not acknowledged, as the same request; a retry of an acked event changes nothing.
            assertEquals(200, client.send(deliveries.get(i).asRetry()).status());
        }
        client.send(requests.event(MessageEvents.message(ChatMessage.reply(thread, "done"))));

        String blocks = awaitSummary().jsonParam("blocks").toString();
        for (ChatMessage reply : replies) {
            String line = "<@" + reply.user() + ">: " + reply.text();
            assertTrue(blocks.contains(line), "kept: " + line);
            assertEquals(blocks.indexOf(line), blocks.lastIndexOf(line), "kept once: " + line);
        }
        Map<String, Long> promptsByText = slack.calls("chat.postMessage").stream()
                .filter(call -> thread.equals(call.param("thread_ts")))
                .collect(Collectors.groupingBy(call -> call.param("text"), Collectors.counting()));
        promptsByText.forEach((text, count) -> assertEquals(1L, count, "posted once: " + text));
    }

    private FakeSlackApi.Call awaitSummary() {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos() * 3;
        while (System.nanoTime() < deadline) {
            for (FakeSlackApi.Call call : slack.calls("chat.postMessage")) {
                if ("C0MANAGERS".equals(call.param("channel"))) {
                    return call;
                }
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        throw new AssertionError("no summary: " + slack.calls());
    }
}
