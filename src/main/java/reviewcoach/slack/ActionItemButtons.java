package reviewcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import reviewcoach.service.ActionItemService;
import reviewcoach.service.PostedMessage;
import reviewcoach.slack.render.FollowUpBlocks;

/**
 * Done and Reassign on an action item, wherever it is shown (the summary, an owner's direct message, a reminder, the
 * App Home). Its owner, the session's starter and managers may change it; others are told so, privately.
 */
final class ActionItemButtons {

    /** ASCII digits only: {@link Long#parseLong} also reads other scripts' digits. */
    private static final Pattern ITEM_ID = Pattern.compile("[0-9]{1,18}");

    private final ActionItemService items;
    private final PrivateReply replies;
    private final HomeTab home;

    /** @param home brings the presser's App Home up to date when they pressed Done there */
    ActionItemButtons(ActionItemService items, HomeTab home, PrivateReply replies) {
        this.replies = replies;
        this.items = items;
        this.home = home;
    }

    Response onDone(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        Optional<String> actor = actor(payload);
        Optional<Long> itemId = firstAction(payload).flatMap(action -> itemId(action.getValue()));
        if (actor.isEmpty() || itemId.isEmpty()) {
            return context.ack();
        }
        ActionItemService.Result result =
                items.markDone(SlackFields.workspaceOf(payload), itemId.get(), actor.get(), pressedOn(payload));
        String answer =
                switch (result) {
                    case CHANGED -> null;
                    case ALREADY_DONE -> "That one is done already. Thank you!";
                    case NOT_ALLOWED ->
                        "Only the person it's assigned to, the person who started the session, or a manager can"
                                + " mark this done.";
                    case PRIVATE, NOT_FOUND -> "That follow-up no longer exists.";
                };
        if (answer != null) {
            replies.send(context, answer, false);
        }
        if (pressedInHome(payload)) {
            home.republish(SlackFields.workspaceOf(payload), actor.get());
        }
        return context.ack();
    }

    /** The App Home is a view, not a message: Slack does not update it, so it is published again. */
    private static boolean pressedInHome(BlockActionPayload payload) {
        return payload.getView() != null && "home".equals(payload.getView().getType());
    }

    Response onReassign(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        Optional<String> actor = actor(payload);
        Optional<BlockActionPayload.Action> action = firstAction(payload);
        if (actor.isEmpty() || action.isEmpty() || action.get().getBlockId() == null) {
            return context.ack();
        }
        String blockId = action.get().getBlockId();
        String newOwner = action.get().getSelectedUser();
        Optional<Long> itemId = blockId.startsWith(FollowUpBlocks.BLOCK_PREFIX)
                ? itemId(blockId.substring(FollowUpBlocks.BLOCK_PREFIX.length()))
                : Optional.empty();
        if (itemId.isEmpty() || !SlackFields.isId(newOwner)) {
            return context.ack();
        }
        String answer =
                switch (items.reassign(SlackFields.workspaceOf(payload), itemId.get(), actor.get(), newOwner)) {
                    case CHANGED -> "Done: <@" + newOwner + "> has it now, and I've let them know.";
                    case ALREADY_DONE -> "That one is done already, so it stays as it is.";
                    case NOT_ALLOWED ->
                        "Only the person it's assigned to, the person who started the session, or a manager can"
                                + " reassign this.";
                    case PRIVATE -> "This session is private, so its follow-ups stay with the person who started it.";
                    case NOT_FOUND -> "That follow-up no longer exists.";
                };
        replies.send(context, answer, false);
        return context.ack();
    }

    private static Optional<String> actor(BlockActionPayload payload) {
        return Optional.ofNullable(payload.getUser())
                .map(BlockActionPayload.User::getId)
                .filter(SlackFields::isId);
    }

    private static Optional<BlockActionPayload.Action> firstAction(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(payload.getActions().get(0));
    }

    private static Optional<Long> itemId(String value) {
        if (value == null || !ITEM_ID.matcher(value).matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }

    /** The message the button was on, or null when it was not on a message (the App Home). */
    private static PostedMessage pressedOn(BlockActionPayload payload) {
        BlockActionPayload.Container container = payload.getContainer();
        if (container == null || !"message".equals(container.getType())) {
            return null;
        }
        String channel = container.getChannelId();
        String ts = container.getMessageTs();
        return SlackFields.isId(channel) && SlackFields.isTs(ts) ? new PostedMessage(channel, ts) : null;
    }
}
