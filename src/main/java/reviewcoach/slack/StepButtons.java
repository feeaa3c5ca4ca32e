package reviewcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.dialogue.Guide;
import reviewcoach.dialogue.Input;
import reviewcoach.dialogue.Outcome;
import reviewcoach.dialogue.ResponseGuide;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.Transition;
import reviewcoach.service.SessionService;
import reviewcoach.slack.render.SessionMessages;

/**
 * Handles the session's buttons: Next, Back and Finish on a step's prompt, a picked thought, a rating. A move button
 * carries the step it belongs to, so two people pressing Next at once move one step, and an old button says the team
 * has moved on.
 */
final class StepButtons {

    private static final Logger log = LoggerFactory.getLogger(StepButtons.class);

    static final String REFUSED_FINISH =
            "Only the person who started this session, or a manager, can finish it. You can"
                    + " keep adding lines, or press *Next* to move on.";

    private final SessionService sessions;
    private final PrivateReply replies;

    StepButtons(SessionService sessions, PrivateReply replies) {
        this.replies = replies;
        this.sessions = sessions;
    }

    /** What a button's value names: a session, and the step, thought number or rating the button stands for. */
    record Target(long sessionId, String detail) {
        /** ASCII digits only: {@link Long#parseLong} also reads other scripts' digits, such as a full-width 1. */
        private static final Pattern VALUE = Pattern.compile("([0-9]{1,18}):([A-Z_]{1,32}|[0-9]{1,3})");

        static Optional<Target> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            Matcher parts = VALUE.matcher(value);
            if (!parts.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Target(Long.parseLong(parts.group(1)), parts.group(2)));
            } catch (NumberFormatException malformed) {
                return Optional.empty();
            }
        }
    }

    Response onPressed(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        List<BlockActionPayload.Action> actions = payload.getActions();
        if (actions == null || actions.isEmpty() || payload.getUser() == null) {
            return context.ack();
        }
        BlockActionPayload.Action action = actions.get(0);
        if (action == null || !SlackFields.isId(payload.getUser().getId())) {
            return context.ack();
        }
        String actor = payload.getUser().getId();
        Optional<Target> target = Target.parse(action.getValue());
        Optional<Input> input = target.flatMap(found -> input(action.getActionId(), actor, found.detail()));
        if (input.isEmpty() || actor == null) {
            return context.ack();
        }
        String channel =
                payload.getChannel() == null ? null : payload.getChannel().getId();
        Optional<Transition> transition = channel == null
                ? Optional.empty()
                : sessions.onButton(
                        SlackFields.workspaceOf(payload), target.get().sessionId(), channel, input.get());
        explainIfNothingChanged(context, transition);
        return context.ack();
    }

    /** "Who wrote it?" on the plan's prompt: the coach answers with the paths that fit. */
    Response onReviewer(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        List<BlockActionPayload.Action> actions = payload.getActions();
        if (actions == null || actions.isEmpty() || actions.get(0) == null || payload.getChannel() == null) {
            return context.ack();
        }
        Optional<Target> target = Target.parse(actions.get(0).getValue());
        if (target.isEmpty()) {
            return context.ack();
        }
        try {
            ResponseGuide.Reviewer reviewer =
                    ResponseGuide.Reviewer.valueOf(target.get().detail());
            if (!sessions.onReviewerDescribed(
                    SlackFields.workspaceOf(payload),
                    target.get().sessionId(),
                    payload.getChannel().getId(),
                    reviewer)) {
                replies.send(context, "That plan has moved on, or the session is finished.", false);
            }
        } catch (IllegalArgumentException malformed) {
            return context.ack();
        }
        return context.ack();
    }

    /** The input a button stands for, or empty when its value makes no sense for it. */
    static Optional<Input> input(String actionId, String actor, String detail) {
        try {
            return Optional.of(
                    switch (actionId) {
                        case SessionMessages.NEXT -> new Input.Advance(actor, Optional.of(Step.valueOf(detail)));
                        case SessionMessages.BACK -> new Input.GoBack(actor, Optional.of(Step.valueOf(detail)));
                        case SessionMessages.FINISH -> new Input.Finish(actor);
                        case SessionMessages.PICK -> new Input.Pick(actor, Integer.parseInt(detail));
                        case SessionMessages.RATE -> new Input.Rate(actor, Integer.parseInt(detail));
                        default -> throw new IllegalArgumentException("not a session button: " + actionId);
                    });
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private void explainIfNothingChanged(ActionContext context, Optional<Transition> transition) {
        String explanation = null;
        if (transition.isEmpty()) {
            explanation = "This session no longer exists.";
        } else if (transition.get().outcome() instanceof Outcome.Unchanged unchanged) {
            explanation = switch (unchanged.reason()) {
                case STALE_STEP -> Guide.staleStep(transition.get().session().step());
                case ALREADY_FINISHED -> Guide.alreadyFinished();
                case AT_FIRST_STEP -> "This is the first step; there is nothing before it.";
                case NO_SUCH_THOUGHT -> "That thought isn't on the list any more.";
                case NOTHING_TO_RATE -> "There's no new thought to rate right now.";
                case NOT_STARTER -> REFUSED_FINISH;
                default -> null;
            };
        }
        if (explanation != null) {
            replies.send(context, explanation, false);
        }
    }
}
