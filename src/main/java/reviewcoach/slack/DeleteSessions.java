package reviewcoach.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.dialogue.Session;
import reviewcoach.service.Deletion;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.SessionService;
import reviewcoach.slack.api.SlackWebGateway;
import reviewcoach.slack.render.SlackText;

/**
 * {@code /review delete}: lists the sessions in the channel this person may delete (their own, or any for a manager),
 * and deletes the one they confirm, with the bot's messages for it.
 */
final class DeleteSessions {

    static final String DELETE = "session_delete";
    private static final int LISTED = 10;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MMM d").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(DeleteSessions.class);

    private final SessionService sessions;
    private final PrivateReply replies;
    private final SlackWebGateway gateway;
    private final Executor background;

    /**
     * @param background where the bot's messages are removed from Slack, after Slack has its answer
     */
    DeleteSessions(SessionService sessions, SlackWebGateway gateway, Executor background, PrivateReply replies) {
        this.replies = replies;
        this.sessions = sessions;
        this.gateway = gateway;
        this.background = background;
    }

    Response list(SlashCommandPayload payload, SlashCommandContext context) {
        List<Session> deletable =
                sessions.deletableIn(payload.getTeamId(), payload.getChannelId(), payload.getUserId(), LISTED);
        if (deletable.isEmpty()) {
            return context.ack("There is no session here that you can delete. Sessions can be deleted by the person"
                    + " who started them, or by a manager.");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("Which session should I delete? Everything the team wrote in it,"
                + " and my messages for it, will be gone."))));
        for (Session session : deletable) {
            String excerpt =
                    SlackText.shorten(SlackText.escape(session.review().text().replace('\n', ' ')), 120);
            String label = "*" + DAY.format(session.startedAt()) + "* · " + excerpt;
            blocks.add(section(s -> s.text(markdownText(label)).accessory(button(b -> b.actionId(DELETE)
                    .text(plainText("Delete"))
                    .style("danger")
                    .value(String.valueOf(session.id()))
                    .confirm(confirmationDialog(c -> c.title(plainText("Delete this session?"))
                            .text(plainText("This can't be undone."))
                            .confirm(plainText("Delete"))
                            .deny(plainText("Keep it"))))))));
        }
        return context.ack(response -> response.responseType("ephemeral").blocks(blocks));
    }

    Response onDelete(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null) {
            return context.ack();
        }
        long sessionId;
        try {
            sessionId = Long.parseLong(payload.getActions().get(0).getValue());
        } catch (NumberFormatException malformed) {
            return context.ack();
        }
        String workspace = SlackFields.workspaceOf(payload);
        Deletion deletion =
                sessions.delete(workspace, sessionId, payload.getUser().getId());
        String answer =
                switch (deletion.result()) {
                    case DELETED -> "Deleted. Nothing of that session is kept, and I'm removing my messages for it.";
                    case NOT_ALLOWED -> "Only the person who started that session, or a manager, can delete it.";
                    case NOT_FOUND -> "That session was already deleted.";
                };
        replies.send(context, answer, true);
        if (!deletion.toRemove().isEmpty()) {
            removeLater(workspace, sessionId, deletion.toRemove());
        }
        return context.ack();
    }

    private void removeLater(String workspace, long sessionId, List<PostedMessage> messages) {
        try {
            background.execute(() -> {
                for (PostedMessage message : messages) {
                    try {
                        gateway.deleteMessage(workspace, message);
                    } catch (DeliveryFailure failure) {
                        log.warn("session={} could not remove a message: {}", sessionId, failure.error());
                    }
                }
            });
        } catch (RejectedExecutionException busy) {
            log.warn("session={} messages left in Slack: the service is stopping or busy", sessionId);
        }
    }
}
