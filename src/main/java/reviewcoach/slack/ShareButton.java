package reviewcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.service.SessionService;

/** "Share with the team" on a private session's summary: only its starter may share it, and only once it is finished. */
final class ShareButton {

    private static final Logger log = LoggerFactory.getLogger(ShareButton.class);

    private final SessionService sessions;
    private final PrivateReply replies;

    ShareButton(SessionService sessions, PrivateReply replies) {
        this.replies = replies;
        this.sessions = sessions;
    }

    Response onShare(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        if (payload.getActions() == null
                || payload.getActions().isEmpty()
                || payload.getActions().get(0) == null
                || payload.getUser() == null
                || !SlackFields.isId(payload.getUser().getId())) {
            return context.ack();
        }
        long sessionId;
        try {
            sessionId = Long.parseLong(payload.getActions().get(0).getValue());
        } catch (NumberFormatException malformed) {
            return context.ack();
        }
        String answer =
                switch (sessions.share(
                        SlackFields.workspaceOf(payload),
                        sessionId,
                        payload.getUser().getId())) {
                    case SHARED -> "Shared with the team. Thank you for letting them learn from it.";
                    case NOT_ALLOWED -> "Only the person who worked through this session can share it.";
                    case NOT_FINISHED -> "Finish the session first, then share it.";
                    case NOT_FOUND -> "That session no longer exists.";
                };
        replies.send(context, answer, false);
        return context.ack();
    }
}
