package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SignedRequest;
import reviewcoach.testing.TestWorkspace;

/** Fifty people writing into one thread at the same moment, and twenty pressing Next at once. */
class CrowdEndToEndTest {

    private static final int PEOPLE = 50;
    private static final int PRESSERS = 20;
    private static final String SUMMARY_CHANNEL = "C0MANAGERS";
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;
    private ExecutorService crowd;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(folder, slack, SUMMARY_CHANNEL);
        crowd = Executors.newFixedThreadPool(PEOPLE);
    }

    @AfterEach
    void stop() throws Exception {
        crowd.shutdownNow();
        service.close();
        slack.close();
    }

    @Test
    void fiftyLinesAtOnceAreAllKeptEachGetsOneReactionAndTwentyNextPressesMoveOneStep() throws Exception {
        SessionFlow session = new SessionFlow(service, slack).start("The front desk never called me back.");
        FakeSlackApi.Call firstPrompt = session.awaitPrompt(1);
        List<ChatMessage> lines = new ArrayList<>();
        for (int person = 1; person <= PEOPLE; person++) {
            lines.add(ChatMessage.reply(session.thread(), "A review was posted on Google on day " + person)
                    .withUser(String.format("U0P%02d", person)));
        }
        List<SignedRequest> events = lines.stream()
                .map(line -> service.requests().event(MessageEvents.message(line)))
                .toList();

        assertEquals(
                List.of(200),
                allAtOnce(events, request -> service.client().send(request).status()));

        slack.awaitCalls("reactions.add", PEOPLE, RunningService.WAIT);
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        Map<String, Long> reactionsPerLine = slack.calls("reactions.add").stream()
                .collect(Collectors.groupingBy(call -> call.param("timestamp"), Collectors.counting()));
        assertEquals(
                lines.stream().collect(Collectors.toMap(ChatMessage::ts, line -> 1L)),
                reactionsPerLine,
                "one reaction for each line");

        List<Integer> presses = allAtOnce(numbered(PRESSERS), person -> session.press(
                        "step_next", firstPrompt, String.format("U0N%02d", person), "press" + person)
                .status());
        assertEquals(List.of(200), presses);
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(
                2,
                session.prompts().size(),
                "one step, not " + (session.prompts().size() - 1));
        assertEquals(
                "Step 2 of 10 · Thought",
                SessionFlow.stepTitle(session.prompts().get(1)));

        session.reply(TestWorkspace.USER_ID, "done");
        String summary = awaitSummary();
        for (ChatMessage line : lines) {
            assertTrue(summary.contains("<@" + line.user() + ">: " + line.text()), line.user() + "'s line: " + summary);
        }
        assertEquals(PEOPLE, summary.split("posted on Google on day", -1).length - 1, "each line once");
    }

    /** Releases every task at the same moment and returns the distinct results. */
    private <T, R> List<R> allAtOnce(List<T> inputs, Function<T, R> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(inputs.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<R>> results = new ArrayList<>();
        for (T input : inputs) {
            results.add(crowd.submit(() -> {
                ready.countDown();
                go.await();
                return task.apply(input);
            }));
        }
        ready.await();
        go.countDown();
        List<R> distinct = new ArrayList<>();
        for (Future<R> result : results) {
            R value = result.get();
            if (!distinct.contains(value)) {
                distinct.add(value);
            }
        }
        return distinct;
    }

    private static List<Integer> numbered(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            numbers.add(number);
        }
        return numbers;
    }

    private String awaitSummary() {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (FakeSlackApi.Call call : slack.calls("chat.postMessage")) {
                if (SUMMARY_CHANNEL.equals(call.param("channel"))) {
                    return call.jsonParam("blocks").toString();
                }
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        throw new AssertionError("no summary: " + slack.calls());
    }
}
