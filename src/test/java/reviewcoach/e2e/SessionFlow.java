package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;

/** Drives one session through the real service the way Slack and a team would, and reads what the bot posted. */
final class SessionFlow {

    private final RunningService service;
    private final FakeSlackApi slack;
    private final SlackRequests requests;
    private String thread;

    SessionFlow(RunningService service, FakeSlackApi slack) {
        this.service = service;
        this.slack = slack;
        this.requests = service.requests();
    }

    /** Types {@code /review <text>} and waits for the opening message and the first prompt. */
    SessionFlow start(String review) {
        int postsBefore = slack.calls("chat.postMessage").size();
        AppClient.Reply reply = service.client()
                .send(requests.slashCommand(
                        SlashCommand.of("/review", review).withResponseUrl(slack.responseUrl("start"))));
        assertEquals(200, reply.status(), reply.body());
        List<FakeSlackApi.Call> posts = slack.awaitCalls("chat.postMessage", postsBefore + 2, RunningService.WAIT);
        thread = posts.get(postsBefore + 1).param("thread_ts");
        return this;
    }

    /** The same session, driven through another instance of the service sharing its database. */
    SessionFlow via(RunningService other) {
        SessionFlow flow = new SessionFlow(other, slack);
        flow.thread = thread;
        return flow;
    }

    String thread() {
        return thread;
    }

    /** A person replies in the thread; returns the message so a test can edit or delete it. */
    ChatMessage reply(String user, String text) {
        ChatMessage message = ChatMessage.reply(thread, text).withUser(user);
        send(requests.event(MessageEvents.message(message)));
        return message;
    }

    void send(reviewcoach.testing.SignedRequest request) {
        AppClient.Reply reply = service.client().send(request);
        assertEquals(200, reply.status(), reply.body());
    }

    /** The prompts posted in this thread so far, oldest first. */
    List<FakeSlackApi.Call> prompts() {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> thread.equals(call.param("thread_ts")))
                .filter(call ->
                        call.param("blocks") != null && call.param("blocks").contains("step_next"))
                .toList();
    }

    /** Waits until {@code count} prompts were posted in this thread and returns the last. */
    FakeSlackApi.Call awaitPrompt(int count) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (prompts().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "expected " + count + " prompts, got " + prompts().size() + ": "
                                + prompts().stream().map(SessionFlow::stepTitle).toList());
            }
            slack.awaitQuiet(java.time.Duration.ofMillis(20), RunningService.WAIT);
        }
        return prompts().get(count - 1);
    }

    /** The bold title of a prompt, such as "Step 2 of 10 · Thought". */
    static String stepTitle(FakeSlackApi.Call prompt) {
        String text = prompt.jsonParam("blocks").get(0).get("text").get("text").asText();
        return text.substring(1, text.indexOf('*', 1));
    }

    /** The value the Next button of a prompt carries. */
    static String buttonValue(FakeSlackApi.Call prompt) {
        for (JsonNode block : prompt.jsonParam("blocks")) {
            if (block.get("type").asText().equals("actions")) {
                return block.get("elements").get(0).get("value").asText();
            }
        }
        throw new AssertionError("no buttons in " + prompt.rawBody());
    }

    /** Presses a button of a prompt as the given user; returns Slack's view of the answer. */
    AppClient.Reply press(String actionId, FakeSlackApi.Call prompt, String user, String responseUrlId) {
        BlockAction action = BlockAction.button(actionId, buttonValue(prompt))
                .withUser(user, user.toLowerCase())
                .withMessage(prompt.param("ts") == null ? "1700000000.000200" : prompt.param("ts"), thread)
                .withResponseUrl(slack.responseUrl(responseUrlId));
        return service.client().send(requests.blockAction(action));
    }

    /** Presses the n-th button (counting from 1) of an actions block in a message the bot posted. */
    AppClient.Reply pressButton(
            String actionId, FakeSlackApi.Call message, int number, String user, String responseId) {
        return pressButton(actionId, message, number, user, responseId, Integer.MAX_VALUE);
    }

    /** Presses the n-th button (counting from 1) of the given actions block (counting from 1) in a bot's message. */
    AppClient.Reply pressButton(
            String actionId, FakeSlackApi.Call message, int number, String user, String responseId, int actionsBlock) {
        String value = null;
        int seen = 0;
        for (JsonNode block : message.jsonParam("blocks")) {
            if (block.get("type").asText().equals("actions") && seen++ < actionsBlock) {
                value = block.get("elements").get(number - 1).get("value").asText();
            }
        }
        BlockAction action = BlockAction.button(actionId, value)
                .withUser(user, user.toLowerCase())
                .withMessage("1700000000.000300", thread)
                .withResponseUrl(slack.responseUrl(responseId));
        AppClient.Reply reply = service.client().send(requests.blockAction(action));
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    static String userName(String id) {
        return id.equals(TestWorkspace.USER_ID) ? TestWorkspace.USER_NAME : id.toLowerCase();
    }
}
