package reviewcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.dialogue.Guide;
import reviewcoach.dialogue.Outcome;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.Transition;
import reviewcoach.service.Move;
import reviewcoach.service.SessionService;
import reviewcoach.slack.render.SessionMessages;

/**
 * Handles Next, Back and Finish on a step's prompt. The button carries the session and the step it belongs to, so two
 * people pressing Next at once move one step, and an old button says the team has moved on.
 */
final class StepButtons {

    private static final Logger log = LoggerFactory.getLogger(StepButtons.class);

    private final SessionService sessions;

    StepButtons(SessionService sessions) {
        this.sessions = sessions;
    }

    /** What a button's value names: a session and the step whose prompt carried the button. */
    record Target(long sessionId, Step step) {
        /** ASCII digits only: {@link Long#parseLong} also reads other scripts' digits, such as a full-width 1. */
        private static final Pattern VALUE = Pattern.compile("([0-9]{1,18}):([A-Z_]{1,32})");

        static Optional<Target> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            Matcher parts = VALUE.matcher(value);
            if (!parts.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Target(Long.parseLong(parts.group(1)), Step.valueOf(parts.group(2))));
            } catch (IllegalArgumentException malformed) {
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
        Optional<Target> target = Target.parse(action.getValue());
        if (target.isEmpty()) {
            return context.ack();
        }
        Optional<Transition> transition = sessions.onButton(
                target.get().sessionId(),
                payload.getUser().getId(),
                move(action.getActionId()),
                target.get().step());
        explainIfNothingChanged(context, transition);
        return context.ack();
    }

    private static Move move(String actionId) {
        return switch (actionId) {
            case SessionMessages.BACK -> Move.BACK;
            case SessionMessages.FINISH -> Move.FINISH;
            default -> Move.NEXT;
        };
    }

    private static void explainIfNothingChanged(ActionContext context, Optional<Transition> transition) {
        String explanation = null;
        if (transition.isEmpty()) {
            explanation = "This session no longer exists.";
        } else if (transition.get().outcome() instanceof Outcome.Unchanged unchanged) {
            explanation = switch (unchanged.reason()) {
                case STALE_STEP -> Guide.staleStep(transition.get().session().step());
                case ALREADY_FINISHED -> Guide.alreadyFinished();
                case AT_FIRST_STEP -> "This is the first step; there is nothing before it.";
                default -> null;
            };
        }
        if (explanation == null || context.getResponseUrl() == null) {
            return;
        }
        String text = explanation;
        try {
            context.respond(response ->
                    response.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (IOException | RuntimeException failure) {
            log.warn("could not explain a button press: {}", failure.getClass().getSimpleName());
        }
    }
}
