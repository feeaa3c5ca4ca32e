package reviewcoach.slack.api;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.ResponseGuide;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.SlackGateway;
import reviewcoach.slack.render.SessionMessages;
import reviewcoach.slack.render.SlackMessage;
import reviewcoach.slack.render.SummaryMessage;
import reviewcoach.summary.ManagerSummary;

/** Says what the service wants said through the Slack Web API, with the bot token of the workspace concerned. Thread-safe. */
public final class SlackWebGateway implements SlackGateway {

    static final String ACCEPTED_REACTION = "white_check_mark";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackClients clients;
    private final Function<String, PracticeType> practices;

    /**
     * @param practices each workspace's kind of office, which decides what a public reply draft may say
     */
    public SlackWebGateway(SlackClients clients, Function<String, PracticeType> practices) {
        this.clients = clients;
        this.practices = practices;
    }

    @Override
    public PostedMessage openThread(Session session) {
        SlackMessage message = SessionMessages.root(session, List.of());
        ChatPostMessageResponse posted =
                SlackCalls.run(() -> methods(session).chatPostMessage(request -> request.channel(session.channel())
                        .text(message.text())
                        .blocks(message.blocks())
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        String channel = posted.getChannel() == null ? session.channel() : posted.getChannel();
        return new PostedMessage(channel, posted.getTs());
    }

    @Override
    public String postPrompt(Session session, Step step, Optional<Contribution> focus) {
        return postInThread(session, SessionMessages.prompt(session, step, focus));
    }

    @Override
    public String askToPick(Session session, List<Contribution> thoughts) {
        return postInThread(session, SessionMessages.picker(session, thoughts));
    }

    @Override
    public String askRating(Session session, Contribution newThought) {
        return postInThread(session, SessionMessages.rating(session, newThought));
    }

    @Override
    public String postPlanPaths(Session session, ResponseGuide.Reviewer reviewer) {
        return postInThread(
                session,
                SessionMessages.planPaths(
                        ResponseGuide.paths(reviewer, practices.apply(session.workspace()), session.review())));
    }

    @Override
    public String offerSteppingStones(Session session, int rating) {
        return postInThread(session, SessionMessages.steppingStones(rating));
    }

    @Override
    public void acknowledge(Session session, Contribution contribution) {
        try {
            SlackCalls.run(() -> methods(session).reactionsAdd(request -> request.channel(session.channel())
                    .timestamp(contribution.messageId())
                    .name(ACCEPTED_REACTION)));
        } catch (DeliveryFailure failure) {
            if (!failure.error().equals("already_reacted") && !failure.error().equals("message_not_found")) {
                throw failure;
            }
        }
    }

    @Override
    public String offerCare(Session session, Contribution contribution) {
        return postInThread(session, SessionMessages.care(contribution));
    }

    @Override
    public String question(Session session, Contribution contribution) {
        return postInThread(session, SessionMessages.question(contribution));
    }

    @Override
    public void refreshRoot(Session session, List<Contribution> contributions) {
        SlackMessage message = SessionMessages.root(session, contributions);
        SlackCalls.run(() -> methods(session).chatUpdate(request -> request.channel(session.channel())
                .ts(session.thread())
                .text(message.text())
                .blocks(message.blocks())));
    }

    @Override
    public String linkToThread(Session session) {
        return SlackCalls.run(() -> methods(session).chatGetPermalink(request -> request.channel(session.channel())
                        .messageTs(session.thread())))
                .getPermalink();
    }

    @Override
    public String postSummary(Session session, String channel, ManagerSummary summary, boolean offerToShare) {
        SlackMessage message = SummaryMessage.render(summary, offerToShare);
        return SlackCalls.run(() -> methods(session).chatPostMessage(request -> request.channel(channel)
                        .text(message.text())
                        .blocks(message.blocks())
                        .unfurlLinks(false)
                        .unfurlMedia(false)))
                .getTs();
    }

    @Override
    public String postClosingNote(Session session, String summaryChannel, boolean privateSession) {
        return postInThread(session, SessionMessages.closing(summaryChannel, privateSession));
    }

    @Override
    public void deleteMessage(String workspace, PostedMessage message) {
        try {
            SlackCalls.run(() -> clients.methods(workspace)
                    .chatDelete(request -> request.channel(message.channel()).ts(message.messageId())));
        } catch (DeliveryFailure failure) {
            if (!failure.error().equals("message_not_found")) {
                throw failure;
            }
        }
    }

    @Override
    public void tellThreadSummaryFailed(Session session, String channel, String reason) {
        String text = Notices.summaryFailed(channel, reason);
        postInThread(session, new SlackMessage(text, List.of(section(s -> s.text(markdownText(text))))));
    }

    @Override
    public void refuseFinish(Session session, String userId) {
        String text = Notices.onlyStarterFinishes(session.starter());
        SlackCalls.run(() -> methods(session).chatPostEphemeral(request -> request.channel(session.channel())
                .user(userId)
                .threadTs(session.thread())
                .text(text)));
    }

    @Override
    public void tellStarterCannotOpen(String noticeUrl, String channel, String reason) {
        respond(noticeUrl, Notices.cannotOpen(channel, reason));
    }

    /** Answers privately through a {@code response_url}, which works even where the bot is not a member. */
    public void respond(String responseUrl, String text) {
        String payload;
        try {
            payload = JSON.writeValueAsString(Map.of("response_type", "ephemeral", "text", text));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a map of strings always turns into JSON", impossible);
        }
        WebhookResponse response;
        try {
            response = clients.slack().send(responseUrl, payload);
        } catch (IOException failure) {
            throw DeliveryFailure.transientFailure(
                    "io_error " + failure.getClass().getSimpleName(), failure);
        }
        if (response.getCode() == 429 || response.getCode() >= 500) {
            throw DeliveryFailure.transientFailure("http_" + response.getCode(), null);
        }
        if (response.getCode() != 200) {
            throw DeliveryFailure.permanent("http_" + response.getCode());
        }
    }

    /** Opens a modal for a person of a workspace who just pressed something; the trigger expires in three seconds. */
    public void openModal(String workspace, String triggerId, View view) {
        SlackCalls.run(() -> clients.methods(workspace)
                .viewsOpen(request -> request.triggerId(triggerId).view(view)));
    }

    private MethodsClient methods(Session session) {
        return clients.methods(session.workspace());
    }

    private String postInThread(Session session, SlackMessage message) {
        return SlackCalls.run(() -> methods(session).chatPostMessage(request -> request.channel(session.channel())
                        .threadTs(session.thread())
                        .text(message.text())
                        .blocks(message.blocks())
                        .unfurlLinks(false)
                        .unfurlMedia(false)))
                .getTs();
    }
}
