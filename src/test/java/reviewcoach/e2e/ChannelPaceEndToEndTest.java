package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.SlashCommand;

/**
 * Messages waiting for their channel's pace (one new message a second after a burst) wait in the outbox, not in the
 * courier's workers: a busy channel's backlog never holds back another session's reaction or prompt.
 */
class ChannelPaceEndToEndTest {

    private static final String BUSY_CHANNEL = "C0BUSY";
    /** Two messages each (the review and its first prompt): far more than a burst, so most wait their turn. */
    private static final int SESSIONS_IN_BUSY_CHANNEL = 12;

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
    void aReactionGoesAtOnceWhileABusyChannelsMessagesWaitTheirTurn() {
        SessionFlow quiet = new SessionFlow(service, slack).start("The receptionist hung up on me.");
        for (int i = 0; i < SESSIONS_IN_BUSY_CHANNEL; i++) {
            quiet.send(service.requests()
                    .slashCommand(SlashCommand.of("/review", "Review number " + i + ": the wait was long.")
                            .withChannel(BUSY_CHANNEL, "front-desk")
                            .withResponseUrl(slack.responseUrl("busy-" + i))));
        }
        awaitPostsIn(BUSY_CHANNEL, 5);

        ChatMessage line = quiet.reply("U0BOB", "A review posted on Monday says the call was ended.");

        FakeSlackApi.Call reaction =
                slack.awaitCalls("reactions.add", 1, RunningService.WAIT).get(0);
        assertEquals(line.ts(), reaction.param("timestamp"));
        int postedSoFar = postsIn(BUSY_CHANNEL);
        assertTrue(
                postedSoFar < 2 * SESSIONS_IN_BUSY_CHANNEL,
                "the reaction did not wait for the busy channel's backlog (" + postedSoFar + " of "
                        + 2 * SESSIONS_IN_BUSY_CHANNEL + " posted)");
    }

    private int postsIn(String channel) {
        return (int) slack.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.param("channel")))
                .count();
    }

    private void awaitPostsIn(String channel, int count) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (postsIn(channel) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + postsIn(channel) + " posts in " + channel);
            }
            slack.awaitQuiet(java.time.Duration.ofMillis(20), RunningService.WAIT);
        }
    }
}
