package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.config.Policy;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MutableClock;
import reviewcoach.testing.TestWorkspace;

/**
 * Action items after a session: kept, listed in the summary with Done buttons, sent to their owners, marked done once
 * by those who may, the summary brought up to date in place, and reminders at nine in the owner's morning.
 */
class ActionItemsEndToEndTest {

    private static final String SUMMARY_CHANNEL = "C0MANAGERS";
    private static final String BOB = "U0BOB";
    private static final String CARA = "U0CARA";
    private static final String MAYA = "U0MAYA";
    private static final String STRANGER = "U0ZED";
    private static final String MANAGER_GROUP = "S0MANAGERS";
    /** A Tuesday afternoon in UTC: morning in New York and Los Angeles has passed or is yet to come. */
    private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");
    /** Long enough for the reminder scheduler to look several times. */
    private static final Duration SEVERAL_LOOKS = Duration.ofMillis(400);

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;
    private MutableClock clock;
    private FollowUpFlow flow;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        slack.timeZone(BOB, "America/Los_Angeles");
        slack.timeZone(CARA, "America/New_York");
        slack.userGroup(MANAGER_GROUP, List.of(MAYA));
        clock = new MutableClock(START);
        service = RunningService.start(
                folder,
                slack,
                SUMMARY_CHANNEL,
                Policy.defaults().withManagers(Set.of(MANAGER_GROUP)),
                ReviewCoach.Tuning.standard().withReminderPoll(Duration.ofMillis(50)),
                clock);
        flow = new FollowUpFlow(service, slack, SUMMARY_CHANNEL);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    private void finishWithThreeItems() {
        flow.toPlan("Waited 40 minutes and nobody said sorry.")
                .finishWith(
                        "action: call the reviewer back <@" + BOB + "> by 2026-12-03",
                        "action: retrain the front desk on waiting times <@" + CARA + "> by 2026-12-01",
                        "action: put a sign up about delays");
    }

    @Test
    void theSummaryListsEachItemWithItsOwnerDueDateAndDoneButton() {
        finishWithThreeItems();
        FakeSlackApi.Call summary = flow.awaitSummary();
        String blocks = summary.jsonParam("blocks").toString();
        assertTrue(blocks.contains("call the reviewer back · <@" + BOB + "> · due Dec 3, 2026"), blocks);
        assertTrue(blocks.contains("put a sign up about delays · _no owner yet_"), blocks);
        assertTrue(blocks.contains("0 of 3 done"), blocks);
        assertEquals("1", FollowUpFlow.doneValue(summary, "call the reviewer back"));
        assertEquals("3", FollowUpFlow.doneValue(summary, "put a sign up"));
        assertTrue(summary.param("text").contains("3 action items, 0 done"), summary.param("text"));
        assertEquals(SUMMARY_CHANNEL, flow.summaryMessage()[0], "where the summary went is remembered");
    }

    @Test
    void eachOwnerGetsOneDirectMessageWithTheirItems() {
        finishWithThreeItems();
        List<FakeSlackApi.Call> bobs = flow.ownerMessages(BOB);
        assertEquals(1, bobs.size(), "one message to Bob: " + slack.calls("chat.postMessage"));
        String bobsBlocks = bobs.get(0).jsonParam("blocks").toString();
        assertTrue(bobsBlocks.contains("call the reviewer back"), bobsBlocks);
        assertFalse(bobsBlocks.contains("retrain the front desk"), "only Bob's own items: " + bobsBlocks);
        assertTrue(bobsBlocks.contains("action_item_done"), bobsBlocks);
        assertEquals(1, flow.ownerMessages(CARA).size());
        assertEquals(
                1,
                slack.calls("users.info").stream()
                        .filter(call -> BOB.equals(call.param("user")))
                        .count());
    }

    @Test
    void doneOnTheSummaryUpdatesItInPlaceOnceAndNeverReposts() {
        finishWithThreeItems();
        String[] summary = flow.summaryMessage();
        String bobsItem = FollowUpFlow.doneValue(flow.awaitSummary(), "call the reviewer back");

        flow.pressDone(bobsItem, summary[0], summary[1], BOB, "bob");
        FakeSlackApi.Call update = awaitUpdates(1).get(0);
        String blocks = update.jsonParam("blocks").toString();
        assertTrue(blocks.contains("~call the reviewer back~ · done by <@" + BOB + ">"), blocks);
        assertTrue(blocks.contains("1 of 3 done"), blocks);
        assertTrue(update.param("text").contains("3 action items, 1 done"), update.param("text"));

        flow.pressDone(bobsItem, summary[0], summary[1], BOB, "bob-again");
        assertTrue(awaitResponseBody("bob-again").contains("done already"));
        service.awaitOutboxEmpty();
        assertEquals(1, flow.summaryUpdates().size(), "a second press changes nothing");
        assertEquals(1, flow.summaries().size(), "the summary is updated, never posted again");
    }

    @Test
    void aStrangerIsRefusedAndAManagerInTheUserGroupMayMarkDone() {
        finishWithThreeItems();
        String[] summary = flow.summaryMessage();
        String carasItem = FollowUpFlow.doneValue(flow.awaitSummary(), "retrain the front desk");

        flow.pressDone(carasItem, summary[0], summary[1], STRANGER, "stranger");
        String refusal = awaitResponseBody("stranger");
        assertTrue(refusal.contains("Only the person it"), refusal);
        assertTrue(refusal.contains("ephemeral"), refusal);
        service.awaitOutboxEmpty();
        assertEquals(0, flow.summaryUpdates().size(), "nothing changed");

        flow.pressDone(carasItem, summary[0], summary[1], MAYA, "maya");
        assertTrue(awaitUpdates(1).get(0).jsonParam("blocks").toString().contains("done by <@" + MAYA + ">"));
        assertTrue(
                slack.calls("usergroups.users.list").stream()
                        .allMatch(call -> MANAGER_GROUP.equals(call.param("usergroup"))),
                "the managers' user group was asked who is in it");
    }

    @Test
    void doneInTheOwnersDirectMessageUpdatesThatMessageAndTheSummary() {
        finishWithThreeItems();
        FakeSlackApi.Call carasMessage = flow.ownerMessages(CARA).get(0);
        String carasTs = flow.lastMessageTo(CARA);
        String carasDm = TestWorkspace.directMessageWith(CARA);

        flow.pressDone(FollowUpFlow.doneValue(carasMessage, "retrain the front desk"), carasDm, carasTs, CARA, "cara");
        awaitUpdates(1);
        FakeSlackApi.Call dmUpdate = awaitCalls("chat.update", call -> carasDm.equals(call.param("channel")), 1)
                .get(0);
        assertEquals(carasTs, dmUpdate.param("ts"), "her message is brought up to date in place");
        assertTrue(dmUpdate.jsonParam("blocks").toString().contains("done by <@" + CARA + ">"));
        assertEquals(1, flow.ownerMessages(CARA).size(), "and not posted again");
    }

    @Test
    void remindersComeAtNineInTheOwnersMorningOnceADayUntilDoneAndSurviveARestartOnce() throws Exception {
        finishWithThreeItems();
        pause();
        assertEquals(0, flow.reminders(CARA).size(), "her item was due this morning, which has passed: tomorrow");

        clock.set(Instant.parse("2026-12-02T13:59:00Z")); // 08:59 in New York
        pause();
        assertEquals(0, flow.reminders(CARA).size(), "not before nine in her morning");

        clock.set(Instant.parse("2026-12-02T14:00:00Z")); // 09:00 in New York
        FakeSlackApi.Call reminder = flow.awaitReminders(CARA, 1).get(0);
        assertTrue(reminder.param("text").startsWith("Overdue: retrain the front desk"), reminder.param("text"));
        assertTrue(reminder.jsonParam("blocks").toString().contains("action_item_done"));
        pause();
        assertEquals(1, flow.reminders(CARA).size(), "once");

        service.restart();
        pause();
        assertEquals(1, flow.reminders(CARA).size(), "not again after a restart");
        assertEquals(0, flow.reminders(BOB).size(), "Bob's item is not due yet");

        clock.set(Instant.parse("2026-12-03T14:00:00Z")); // the next morning in New York
        flow.awaitReminders(CARA, 2);

        String carasItem = FollowUpFlow.doneValue(reminder, "retrain the front desk");
        flow.pressDone(carasItem, TestWorkspace.directMessageWith(CARA), flow.lastMessageTo(CARA), CARA, "cara");
        service.awaitOutboxEmpty();
        clock.set(Instant.parse("2026-12-03T17:00:00Z")); // 09:00 in Los Angeles, Bob's due date
        FakeSlackApi.Call bobs = flow.awaitReminders(BOB, 1).get(0);
        assertTrue(bobs.param("text").startsWith("Due today: call the reviewer back"), bobs.param("text"));

        clock.set(Instant.parse("2026-12-04T17:00:00Z"));
        flow.awaitReminders(BOB, 2);
        pause();
        assertEquals(2, flow.reminders(CARA).size(), "never for an item that is done");
        assertEquals(0, flow.reminders("U0NOBODY").size());
    }

    @Test
    void onlyTheStarterOrAManagerMayPressFinish() {
        flow.toPlan("The parking is impossible.");
        FakeSlackApi.Call plan = flow.session().awaitPrompt(10);

        flow.session().press("step_finish", plan, BOB, "bob-finish");
        assertTrue(awaitResponseBody("bob-finish").contains("Only the person who started this session"));
        service.awaitOutboxEmpty();
        assertEquals(0, flow.summaries().size(), "the session goes on");

        flow.session().press("step_finish", plan, MAYA, "maya-finish");
        flow.awaitSummary();
    }

    @Test
    void nextOnTheLastStepFinishesOnlyForTheStarterOrAManagerToo() {
        flow.toPlan("The parking is impossible.");
        FakeSlackApi.Call plan = flow.session().awaitPrompt(10);

        flow.session().press("step_next", plan, BOB, "bob-next");
        assertTrue(awaitResponseBody("bob-next").contains("Only the person who started this session"));
        flow.session().reply(BOB, "next");
        FakeSlackApi.Call refusal =
                slack.awaitCalls("chat.postEphemeral", 1, RunningService.WAIT).get(0);
        assertEquals(BOB, refusal.param("user"));
        service.awaitOutboxEmpty();
        assertEquals(0, flow.summaries().size(), "the session goes on");

        flow.session().reply(FollowUpFlow.STARTER, "next");
        flow.awaitSummary();
    }

    @Test
    void typingDoneFinishesOnlyForTheStarterOrAManagerAndAnyoneElseIsToldPrivately() {
        flow.toPlan("The parking is impossible.");
        flow.session().awaitPrompt(10);

        flow.session().reply(BOB, "done");

        FakeSlackApi.Call refusal =
                slack.awaitCalls("chat.postEphemeral", 1, RunningService.WAIT).get(0);
        assertEquals(BOB, refusal.param("user"), "only the person who typed it sees the answer");
        assertEquals(flow.session().thread(), refusal.param("thread_ts"));
        assertTrue(refusal.param("text").startsWith("Only <@" + FollowUpFlow.STARTER + ">"), refusal.param("text"));
        service.awaitOutboxEmpty();
        assertEquals(0, flow.summaries().size(), "the session goes on");

        flow.session().reply(MAYA, "done");
        flow.awaitSummary();
    }

    @Test
    void theStarterReassignsAnItemAndTheNewOwnerIsToldAndTheSummaryUpdated() {
        finishWithThreeItems();
        String bobsItem = FollowUpFlow.doneValue(flow.awaitSummary(), "call the reviewer back");

        flow.reassign(bobsItem, CARA, STRANGER, "stranger");
        assertTrue(awaitResponseBody("stranger").contains("Only the person it"));

        flow.reassign(bobsItem, CARA, FollowUpFlow.STARTER, "alice");
        assertTrue(awaitResponseBody("alice").contains("has it now"));
        String blocks = awaitUpdates(1).get(0).jsonParam("blocks").toString();
        assertTrue(blocks.contains("call the reviewer back · <@" + CARA + "> · due Dec 3, 2026"), blocks);
        List<FakeSlackApi.Call> carasMessages = awaitCalls(
                "chat.postMessage",
                call -> CARA.equals(call.param("channel")) && call.param("text").contains("from a review"),
                2);
        assertTrue(carasMessages.get(1).jsonParam("blocks").toString().contains("call the reviewer back"));
        assertEquals(1, flow.summaries().size(), "updated, not posted again");
    }

    /** Lets the reminder scheduler look several times, then lets what it queued go out. */
    private void pause() throws InterruptedException {
        Thread.sleep(SEVERAL_LOOKS.toMillis());
        service.awaitOutboxEmpty();
    }

    private List<FakeSlackApi.Call> awaitUpdates(int count) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (flow.summaryUpdates().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " summary updates: " + slack.calls());
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        return flow.summaryUpdates();
    }

    private List<FakeSlackApi.Call> awaitCalls(
            String method, java.util.function.Predicate<FakeSlackApi.Call> matching, int count) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (slack.calls(method).stream().filter(matching).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " " + method + ": " + slack.calls());
            }
            slack.awaitQuiet(Duration.ofMillis(20), RunningService.WAIT);
        }
        return slack.calls(method).stream().filter(matching).toList();
    }

    private String awaitResponseBody(String id) {
        return slack.awaitCalls(FakeSlackApi.responseUrlMethod(id), 1, RunningService.WAIT)
                .get(0)
                .rawBody();
    }
}
