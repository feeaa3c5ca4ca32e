package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SignedRequest;
import reviewcoach.testing.TestWorkspace;

/** A team works through a review from {@code /review} to the manager summary, against the real server. */
class ReviewSessionEndToEndTest {

    private static final String SUMMARY_CHANNEL = "C0MANAGERS";
    private static final String BOB = "U0BOB";
    private static final String CARA = "U0CARA";
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(folder, slack, SUMMARY_CHANNEL);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @Test
    void aTeamWorksThroughAReviewToTheManagerSummary() {
        SessionFlow flow = new SessionFlow(service, slack)
                .start("The front desk was rude & never called me back. @channel <!here> AVOID!");

        FakeSlackApi.Call root = slack.calls("chat.postMessage").get(0);
        assertEquals(TestWorkspace.CHANNEL_ID, root.param("channel"));
        assertEquals(null, root.param("thread_ts"));
        String rootBlocks = root.jsonParam("blocks").toString();
        assertTrue(rootBlocks.contains("The front desk was rude &amp; never called me back."), rootBlocks);
        assertFalse(rootBlocks.contains("<!here>"), "the bot never echoes a broadcast mention");
        assertFalse(rootBlocks.contains("@channel"), "the bot never echoes a broadcast mention");
        assertTrue(rootBlocks.contains("sting"), "a warm opening");
        assertEquals("Step 1 of 10 · Circumstance", SessionFlow.stepTitle(flow.awaitPrompt(1)));

        // Circumstance: a judgment is questioned, a quoted one is accepted.
        flow.reply(TestWorkspace.USER_ID, "The receptionist was rude and always late");
        FakeSlackApi.Call question = awaitThreadReplyContaining(flow, "rude");
        assertTrue(question.param("text").contains("always"), question.param("text"));
        ChatMessage clean = flow.reply(BOB, "A review posted on Google says \"the front desk was rude\"");
        FakeSlackApi.Call reaction =
                slack.awaitCalls("reactions.add", 1, RunningService.WAIT).get(0);
        assertEquals(clean.ts(), reaction.param("timestamp"));
        assertEquals(TestWorkspace.CHANNEL_ID, reaction.param("channel"));

        // Thought, by typing next; feeling by the Next button.
        flow.reply(CARA, "next");
        assertEquals("Step 2 of 10 · Thought", SessionFlow.stepTitle(flow.awaitPrompt(2)));
        flow.reply(TestWorkspace.USER_ID, "This will kill our reputation");
        flow.reply(BOB, "People will think we don't care");
        AppClient.Reply pressed = flow.press("step_next", flow.awaitPrompt(2), CARA, "next-1");
        assertEquals(200, pressed.status());
        FakeSlackApi.Call picker = awaitThreadReplyContaining(flow, "stings most");
        String pickerBlocks = picker.jsonParam("blocks").toString();
        assertTrue(pickerBlocks.contains("*1.* This will kill our reputation"), pickerBlocks);
        assertTrue(pickerBlocks.contains("*2.* People will think we don't care"), pickerBlocks);
        flow.pressButton("pick_thought", picker, 2, CARA, "pick");
        FakeSlackApi.Call feeling = flow.awaitPrompt(3);
        assertEquals("Step 3 of 10 · Feeling", SessionFlow.stepTitle(feeling));
        assertTrue(
                feeling.jsonParam("blocks").toString().contains("stings most: “People will think we don't care”"),
                "the feeling is about the picked thought");
        flow.reply(TestWorkspace.USER_ID, "Defeated");
        flow.reply(BOB, "like they are being unfair to us");
        awaitThreadReplyContaining(flow, "unfair");

        flow.reply(CARA, "next");
        flow.awaitPrompt(4);
        flow.reply(BOB, "We write a defensive reply");
        flow.reply(CARA, "next");
        flow.awaitPrompt(5);
        flow.reply(CARA, "More bad reviews");
        flow.reply(TestWorkspace.USER_ID, "done");

        FakeSlackApi.Call summary = awaitSummary();
        String summaryBlocks = summary.jsonParam("blocks").toString();
        assertTrue(summaryBlocks.contains("Review worked through"), summaryBlocks);
        assertTrue(summaryBlocks.contains("This will kill our reputation"), summaryBlocks);
        assertTrue(summaryBlocks.contains("<@" + BOB + ">: People will think we don't care"), summaryBlocks);
        assertTrue(summaryBlocks.contains("Defeated"), summaryBlocks);
        assertTrue(summaryBlocks.contains("the coach questioned this"), summaryBlocks);
        assertTrue(summaryBlocks.contains("More bad reviews"), summaryBlocks);
        assertTrue(summaryBlocks.contains("https://"), "a link to the thread: " + summaryBlocks);
        assertEquals(flow.thread(), slack.lastCall("chat.getPermalink").param("message_ts"));
        for (String person : List.of(TestWorkspace.USER_ID, BOB, CARA)) {
            assertTrue(summary.param("text").contains(person), "who took part: " + summary.param("text"));
        }

        // The thread ends with a note, and the opening message shows the finished model.
        awaitThreadReplyContaining(flow, SUMMARY_CHANNEL);
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        FakeSlackApi.Call lastUpdate = slack.lastCall("chat.update");
        assertEquals(flow.thread(), lastUpdate.param("ts"));
        assertTrue(
                lastUpdate.jsonParam("blocks").toString().contains("Finished"),
                lastUpdate.jsonParam("blocks").toString());
        assertTrue(lastUpdate.jsonParam("blocks").toString().contains("This will kill our reputation"));
        assertEquals(1, summaries().size(), "one summary per session");
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage").stream()
                .filter(call -> TestWorkspace.CHANNEL_ID.equals(call.param("channel")))
                .toList();
        for (int i = 0; i + 5 < posts.size(); i++) {
            Duration sixPosts =
                    Duration.between(posts.get(i).at(), posts.get(i + 5).at());
            assertTrue(sixPosts.compareTo(Duration.ofMillis(900)) >= 0, "Slack's pace of one a second after a burst");
        }
        assertTrue(slack.calls().stream()
                .allMatch(call -> TestWorkspace.BOT_TOKEN.equals(call.token())
                        || call.method().startsWith(FakeSlackApi.RESPONSE_URL_METHOD_PREFIX)));
    }

    @Test
    void aThinkingTrapInAThoughtIsNamedGentlyAndTheThoughtIsKept() {
        SessionFlow flow = new SessionFlow(service, slack).start("One star. Rude receptionist, waited an hour.");
        flow.reply(BOB, "next");
        assertEquals("Step 2 of 10 · Thought", SessionFlow.stepTitle(flow.awaitPrompt(2)));

        flow.reply(CARA, "I'll never get another client after this");
        FakeSlackApi.Call question = awaitThreadReplyContaining(flow, "fortune telling");
        String asked = question.param("text");
        assertTrue(asked.startsWith("<@" + CARA + ">"), asked);
        assertTrue(asked.contains("Is there another way it could go?"), asked);
        assertTrue(asked.contains("I'll never"), "quotes the words: " + asked);
        ChatMessage clean = flow.reply(BOB, "Some of what she wrote is true");
        FakeSlackApi.Call accepted =
                slack.awaitCalls("reactions.add", 1, RunningService.WAIT).get(0);
        assertEquals(clean.ts(), accepted.param("timestamp"), "a thought without a trap is simply accepted");

        flow.reply(TestWorkspace.USER_ID, "done");
        String summary = awaitSummary().jsonParam("blocks").toString();
        assertTrue(summary.contains("I'll never get another client after this"), "the thought is kept: " + summary);
        assertTrue(summary.contains("the coach questioned this"), summary);
    }

    @Test
    void theTeamRatesItsNewThoughtAndALowRatingBringsSteppingStones() {
        SessionFlow flow = new SessionFlow(service, slack).start("Two stars. Felt rushed.");
        for (int step = 2; step <= 9; step++) {
            flow.reply(BOB, "next");
            flow.awaitPrompt(step);
        }
        assertEquals("Step 9 of 10 · New thought", SessionFlow.stepTitle(flow.awaitPrompt(9)));
        flow.reply(BOB, "We are the best clinic in the state");
        flow.reply(BOB, "next");
        FakeSlackApi.Call rating = awaitThreadReplyContaining(flow, "How believable");
        assertTrue(rating.jsonParam("blocks").toString().contains("rate_thought"));

        flow.reply(CARA, "3");
        FakeSlackApi.Call stones = awaitThreadReplyContaining(flow, "3 out of 10");
        assertTrue(stones.param("text").contains("I'm open to the idea that"), stones.param("text"));
        assertEquals(9, flow.prompts().size(), "a low rating stays on the new thought");

        flow.reply(CARA, "It's possible that some clients felt rushed and we can slow down");
        flow.reply(CARA, "next");
        FakeSlackApi.Call second = awaitThreadReplyCount(flow, "How believable", 2);
        flow.pressButton("rate_thought", second, 7, CARA, "rate");
        FakeSlackApi.Call plan = flow.awaitPrompt(10);
        assertEquals("Step 10 of 10 · Response plan", SessionFlow.stepTitle(plan));
        assertTrue(plan.jsonParam("blocks").toString().contains("can you tell who wrote it"));

        flow.pressButton("plan_reviewer", plan, 1, CARA, "reviewer", 2);
        FakeSlackApi.Call paths = awaitThreadReplyContaining(flow, "Ways to respond");
        String pathBlocks = paths.jsonParam("blocks").toString();
        assertTrue(pathBlocks.contains("A private conversation"), pathBlocks);
        assertTrue(pathBlocks.contains("Would you be open to that? If not, I understand."), pathBlocks);
        assertTrue(pathBlocks.contains("A short public reply"), pathBlocks);

        flow.reply(CARA, "action: slow down the first visit");
        assertTrue(awaitThreadReplyContaining(flow, "Who will own it?")
                .param("text")
                .startsWith("<@" + CARA + ">"));
        flow.reply(CARA, "action: retrain the front desk on call-backs <@" + BOB + "> by 2026-12-01");
        flow.reply(TestWorkspace.USER_ID, "done");
        String summary = awaitSummary().jsonParam("blocks").toString();
        assertTrue(summary.contains("7/10"), "the believability rating is kept: " + summary);
        assertTrue(
                summary.contains("retrain the front desk on call-backs · <@" + BOB + "> · due Dec 1, 2026"),
                "follow-ups with owners and dates: " + summary);
        assertTrue(summary.contains("slow down the first visit · _no owner yet_"), summary);
    }

    @Test
    void aLineInRealDistressIsAnsweredWithCareNotCoachingAndStaysOutOfTheSummary() {
        SessionFlow flow = new SessionFlow(service, slack).start("Terrible therapist. Avoid.");
        flow.reply(BOB, "next");
        flow.awaitPrompt(2);

        flow.reply(CARA, "Honestly I want to die when I read this");

        FakeSlackApi.Call care = awaitThreadReplyContaining(flow, "988");
        assertTrue(care.param("text").startsWith("<@" + CARA + ">"), care.param("text"));
        assertTrue(care.param("text").contains("The review can wait"), care.param("text"));
        service.awaitOutboxEmpty();
        assertEquals(List.of(), slack.calls("reactions.add"), "not coached: no verdict on that line");
        flow.reply(TestWorkspace.USER_ID, "done");
        String summary = awaitSummary().jsonParam("blocks").toString();
        assertFalse(summary.contains("want to die"), "personal distress stays out of the managers' summary");
    }

    @Test
    void aReviewThatMentionsLegalStepsAsksTheTeamToTalkToCounselFirst() {
        new SessionFlow(service, slack).start("Rude front desk. My lawyer will be in touch about this malpractice.");

        String root = slack.calls("chat.postMessage").get(0).jsonParam("blocks").toString();
        assertTrue(root.contains("mentions “lawyer”, “malpractice”"), root);
        assertTrue(root.contains("talk to your lawyer or malpractice insurer"), root);
    }

    @Test
    void theTeamIsToldWhenTheSummaryCannotReachTheManagers() {
        SessionFlow flow = new SessionFlow(service, slack).start("Nobody called me back.");
        flow.reply(BOB, "A review says nobody called back");
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        slack.failNext("chat.postMessage", reviewcoach.testing.Failure.error("not_in_channel"));

        flow.reply(TestWorkspace.USER_ID, "done");

        FakeSlackApi.Call told = awaitThreadReplyContaining(flow, "couldn't post the summary");
        assertTrue(told.param("text").contains("/invite"), told.param("text"));
        assertTrue(told.param("text").contains(SUMMARY_CHANNEL), told.param("text"));
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(1, summaryAttempts(), "a refusal that cannot change by itself is not retried");
    }

    @Test
    void aButtonActsOnlyOnASessionInTheChannelItWasPressedIn() {
        SessionFlow flow = new SessionFlow(service, slack).start("Nobody called me back.");
        FakeSlackApi.Call prompt = flow.awaitPrompt(1);

        AppClient.Reply reply = service.client()
                .send(service.requests()
                        .blockAction(
                                reviewcoach.testing.BlockAction.button("step_next", SessionFlow.buttonValue(prompt))
                                        .withChannel("C0ELSEWHERE", "elsewhere")
                                        .withResponseUrl(slack.responseUrl("elsewhere"))));

        assertEquals(200, reply.status());
        slack.awaitCalls(FakeSlackApi.responseUrlMethod("elsewhere"), 1, RunningService.WAIT);
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(1, flow.prompts().size(), "the session did not move");
    }

    private long summaryAttempts() {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> SUMMARY_CHANNEL.equals(call.param("channel")))
                .count();
    }

    @Test
    void backReturnsToThePreviousStepAndDoneFinishesEarly() {
        SessionFlow flow = new SessionFlow(service, slack).start("Waited 40 minutes past my appointment.");
        flow.reply(BOB, "next");
        assertEquals("Step 2 of 10 · Thought", SessionFlow.stepTitle(flow.awaitPrompt(2)));

        flow.reply(BOB, "back");
        assertEquals("Step 1 of 10 · Circumstance", SessionFlow.stepTitle(flow.awaitPrompt(3)));
        flow.reply(BOB, "A review posted on Yelp says the wait was 40 minutes");

        flow.reply(TestWorkspace.USER_ID, "done");
        FakeSlackApi.Call summary = awaitSummary();
        assertTrue(summary.jsonParam("blocks").toString().contains("the wait was 40 minutes"));
        assertTrue(summary.jsonParam("blocks").toString().contains("C · Circumstance"));
        assertFalse(
                summary.jsonParam("blocks").toString().contains("T · Thought"), "nothing was written for the thought");
    }

    @Test
    void aRetriedEventIsActedOnOnce() {
        SessionFlow flow = new SessionFlow(service, slack).start("The hygienist was rough.");
        ChatMessage message = ChatMessage.reply(flow.thread(), "A review says \"the hygienist was rough\"")
                .withUser(BOB);
        String eventId = service.requests().nextEventId() + "dup";

        SignedRequest delivery = service.requests().event(eventId, MessageEvents.message(message));

        flow.send(delivery);
        flow.send(delivery.asRetry()); // Slack's retries are the same request: same body, event time and signature
        flow.send(delivery.asRetry(2, "http_error"));

        slack.awaitCalls("reactions.add", 1, RunningService.WAIT);
        flow.reply(TestWorkspace.USER_ID, "done");
        FakeSlackApi.Call summary = awaitSummary();
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(1, slack.calls("reactions.add").size());
        String blocks = summary.jsonParam("blocks").toString();
        assertEquals(
                blocks.indexOf("the hygienist was rough"),
                blocks.lastIndexOf("the hygienist was rough"),
                "the line appears once in the summary: " + blocks);
    }

    @Test
    void editsAndDeletionsChangeTheKeptLines() {
        SessionFlow flow = new SessionFlow(service, slack).start("Terrible, rude staff.");
        ChatMessage judged = flow.reply(BOB, "The staff were rude");
        awaitThreadReplyContaining(flow, "rude");
        ChatMessage extra = flow.reply(CARA, "A review was posted on Monday");
        slack.awaitCalls("reactions.add", 1, RunningService.WAIT);

        flow.send(service.requests()
                .event(MessageEvents.messageChanged(judged, "A review says \"the staff were rude\"")));
        FakeSlackApi.Call accepted =
                slack.awaitCalls("reactions.add", 2, RunningService.WAIT).get(1);
        assertEquals(judged.ts(), accepted.param("timestamp"), "the rewritten line is now accepted");
        flow.send(service.requests().event(MessageEvents.messageDeleted(extra)));

        flow.reply(TestWorkspace.USER_ID, "done");
        String blocks = awaitSummary().jsonParam("blocks").toString();
        assertTrue(blocks.contains("A review says \\\"the staff were rude\\\""), blocks);
        assertFalse(blocks.contains("posted on Monday"), "a deleted line is gone: " + blocks);
        assertFalse(blocks.contains("the coach questioned this"), blocks);
    }

    @Test
    void messagesThatAreNotContributionsAreLeftAlone() {
        SessionFlow flow = new SessionFlow(service, slack).start("Great dentist, awful parking.");
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        int callsBefore = slack.calls().size();

        ChatMessage inThread =
                ChatMessage.reply(flow.thread(), "The parking was awful").withUser(BOB);
        flow.send(service.requests().event(MessageEvents.botMessage(inThread, "B0OTHER")));
        flow.send(service.requests()
                .event(MessageEvents.messageWithBotId(inThread.withTs(ChatMessage.nextTs()), TestWorkspace.BOT_ID)));
        flow.send(service.requests().event(MessageEvents.message(ChatMessage.topLevel("The parking was awful"))));
        flow.send(service.requests()
                .event(MessageEvents.message(ChatMessage.reply("1600000000.000100", "The parking was awful"))));
        flow.send(service.requests().event(MessageEvents.threadBroadcast(inThread.withTs(ChatMessage.nextTs()))));

        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(callsBefore, slack.calls().size(), "no reply, reaction or update: " + slack.calls());
    }

    @Test
    void aBotThatIsNotInTheChannelExplainsHowToInviteItAndKeepsNothing() throws Exception {
        slack.failNext("chat.postMessage", reviewcoach.testing.Failure.error("not_in_channel"));

        AppClient.Reply reply = service.client()
                .send(service.requests()
                        .slashCommand(reviewcoach.testing.SlashCommand.of("/review", "Rude staff.")
                                .withResponseUrl(slack.responseUrl("start"))));
        assertEquals(200, reply.status());

        FakeSlackApi.Call notice = slack.awaitCalls(FakeSlackApi.responseUrlMethod("start"), 1, RunningService.WAIT)
                .get(0);
        assertTrue(notice.rawBody().contains("/invite"), notice.rawBody());
        assertTrue(notice.rawBody().contains("ephemeral"), notice.rawBody());
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(1, slack.calls("chat.postMessage").size(), "no prompt follows a session that could not open");
        List<com.zaxxer.hikari.HikariDataSource> pools = new java.util.ArrayList<>();
        try {
            var store = service.openStore(pools);
            assertTrue(store.find(1).isEmpty(), "nothing is half-created");
        } finally {
            pools.forEach(com.zaxxer.hikari.HikariDataSource::close);
        }
    }

    @Test
    void theConversationSurvivesARestart() throws Exception {
        SessionFlow flow = new SessionFlow(service, slack).start("They lost my paperwork twice.");
        flow.reply(BOB, "A review posted on Nov 3 says they lost the paperwork twice");
        slack.awaitCalls("reactions.add", 1, RunningService.WAIT);
        flow.reply(BOB, "next");
        flow.awaitPrompt(2);

        service.restart();

        flow.reply(CARA, "We are careless");
        flow.reply(CARA, "next");
        assertEquals("Step 3 of 10 · Feeling", SessionFlow.stepTitle(flow.awaitPrompt(3)));
        flow.reply(TestWorkspace.USER_ID, "done");
        String blocks = awaitSummary().jsonParam("blocks").toString();
        assertTrue(blocks.contains("lost the paperwork twice"), blocks);
        assertTrue(blocks.contains("We are careless"), blocks);
    }

    @Test
    void twoPeoplePressingNextAtOnceMoveOneStep() throws Exception {
        SessionFlow flow = new SessionFlow(service, slack).start("Nobody answered the phone.");
        FakeSlackApi.Call firstPrompt = flow.awaitPrompt(1);

        List<Thread> pressers = List.of(
                new Thread(() -> flow.press("step_next", firstPrompt, BOB, "bob")),
                new Thread(() -> flow.press("step_next", firstPrompt, CARA, "cara")));
        pressers.forEach(Thread::start);
        for (Thread presser : pressers) {
            presser.join();
        }

        flow.awaitPrompt(2);
        FakeSlackApi.Call told = awaitAnyResponseUrl(List.of("bob", "cara"));
        assertTrue(told.rawBody().contains("moved on"), told.rawBody());
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(2, flow.prompts().size(), "one step, not two");
        assertEquals(
                "Step 2 of 10 · Thought", SessionFlow.stepTitle(flow.prompts().get(1)));
    }

    private FakeSlackApi.Call awaitAnyResponseUrl(List<String> ids) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String id : ids) {
                List<FakeSlackApi.Call> calls = slack.calls(FakeSlackApi.responseUrlMethod(id));
                if (!calls.isEmpty()) {
                    return calls.get(0);
                }
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        throw new AssertionError("nobody was told the team moved on: " + slack.calls());
    }

    private List<FakeSlackApi.Call> summaries() {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> SUMMARY_CHANNEL.equals(call.param("channel")))
                .toList();
    }

    private FakeSlackApi.Call awaitSummary() {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (summaries().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no summary was posted: " + slack.calls());
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        return summaries().get(0);
    }

    private FakeSlackApi.Call awaitThreadReplyCount(SessionFlow flow, String words, int count) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<FakeSlackApi.Call> matching = slack.calls("chat.postMessage").stream()
                    .filter(call -> flow.thread().equals(call.param("thread_ts")))
                    .filter(call -> call.param("text").contains(words))
                    .toList();
            if (matching.size() >= count) {
                return matching.get(count - 1);
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        throw new AssertionError(count + " replies containing '" + words + "' expected: " + slack.calls());
    }

    private FakeSlackApi.Call awaitThreadReplyContaining(SessionFlow flow, String words) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (FakeSlackApi.Call call : slack.calls("chat.postMessage")) {
                if (flow.thread().equals(call.param("thread_ts"))
                        && !call.jsonParam("blocks").toString().contains("step_next")
                        && call.param("text").contains(words)) {
                    return call;
                }
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        throw new AssertionError("no reply containing '" + words + "' in the thread: " + slack.calls());
    }

    static JsonNode blocks(FakeSlackApi.Call call) {
        return call.jsonParam("blocks");
    }
}
