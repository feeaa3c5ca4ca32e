package reviewcoach.slack.api;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reviewcoach.dialogue.Session;
import reviewcoach.service.FollowUpGateway;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.UserGroups;
import reviewcoach.slack.render.OwnerMessages;
import reviewcoach.slack.render.SlackMessage;
import reviewcoach.slack.render.SummaryMessage;
import reviewcoach.summary.FollowUp;
import reviewcoach.summary.ManagerSummary;

/**
 * Says what the service wants said about action items through the Slack Web API, and reads people's time zones and
 * user groups' members. Thread-safe.
 */
public final class SlackFollowUpGateway implements FollowUpGateway, UserGroups {

    private final MethodsClient methods;

    public SlackFollowUpGateway(Slack slack, String botToken) {
        this.methods = slack.methods(botToken);
    }

    @Override
    public void updateSummary(PostedMessage summaryMessage, ManagerSummary summary, boolean offerToShare) {
        update(summaryMessage, SummaryMessage.render(summary, offerToShare));
    }

    /** Posting to a user id opens the bot's direct message with them (scope {@code chat:write}). */
    @Override
    public PostedMessage tellOwner(Session session, String owner, List<FollowUp> items, String threadLink) {
        return post(owner, OwnerMessages.assigned(session, items, threadLink));
    }

    @Override
    public void updateOwnerMessage(PostedMessage message, Session session, List<FollowUp> items, String threadLink) {
        update(message, OwnerMessages.assigned(session, items, threadLink));
    }

    @Override
    public PostedMessage remind(Session session, FollowUp item, boolean overdue, String threadLink) {
        return post(item.owner(), OwnerMessages.reminder(session, item, overdue, threadLink));
    }

    /** From {@code users.info} (scope {@code users:read}). */
    @Override
    public Optional<String> timeZoneOf(String userId) {
        User user = SlackCalls.run(() -> methods.usersInfo(request -> request.user(userId)))
                .getUser();
        return Optional.ofNullable(user).map(User::getTz).filter(zone -> !zone.isBlank());
    }

    /** From {@code usergroups.users.list} (scope {@code usergroups:read}). */
    @Override
    public Set<String> members(String userGroupId) {
        List<String> users = SlackCalls.run(
                        () -> methods.usergroupsUsersList(request -> request.usergroup(userGroupId)))
                .getUsers();
        return users == null ? Set.of() : Set.copyOf(users);
    }

    private PostedMessage post(String channel, SlackMessage message) {
        ChatPostMessageResponse posted =
                SlackCalls.run(() -> methods.chatPostMessage(request -> request.channel(channel)
                        .text(message.text())
                        .blocks(message.blocks())
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        return new PostedMessage(posted.getChannel() == null ? channel : posted.getChannel(), posted.getTs());
    }

    private void update(PostedMessage where, SlackMessage message) {
        SlackCalls.run(() -> methods.chatUpdate(request -> request.channel(where.channel())
                .ts(where.messageId())
                .text(message.text())
                .blocks(message.blocks())));
    }
}
