package reviewcoach.slack.api;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reviewcoach.dialogue.Session;
import reviewcoach.service.FollowUpGateway;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.UserGroups;
import reviewcoach.service.WorkspaceAdmins;
import reviewcoach.slack.render.OwnerMessages;
import reviewcoach.slack.render.SlackMessage;
import reviewcoach.slack.render.SummaryMessage;
import reviewcoach.summary.FollowUp;
import reviewcoach.summary.ManagerSummary;

/**
 * Says what the service wants said about action items through the Slack Web API, and reads people's time zones and
 * user groups' members. Thread-safe.
 */
public final class SlackFollowUpGateway implements FollowUpGateway, UserGroups, WorkspaceAdmins {

    private final SlackClients clients;

    public SlackFollowUpGateway(SlackClients clients) {
        this.clients = clients;
    }

    @Override
    public void updateSummary(
            Session session, PostedMessage summaryMessage, ManagerSummary summary, boolean offerToShare) {
        update(session.workspace(), summaryMessage, SummaryMessage.render(summary, offerToShare));
    }

    /** Posting to a user id opens the bot's direct message with them (scope {@code chat:write}). */
    @Override
    public PostedMessage tellOwner(Session session, String owner, List<FollowUp> items, String threadLink) {
        return post(session.workspace(), owner, OwnerMessages.assigned(session, items, threadLink));
    }

    @Override
    public void updateOwnerMessage(PostedMessage message, Session session, List<FollowUp> items, String threadLink) {
        update(session.workspace(), message, OwnerMessages.assigned(session, items, threadLink));
    }

    @Override
    public PostedMessage remind(Session session, FollowUp item, boolean overdue, String threadLink) {
        return post(session.workspace(), item.owner(), OwnerMessages.reminder(session, item, overdue, threadLink));
    }

    /** From {@code users.info} (scope {@code users:read}). */
    @Override
    public Optional<String> timeZoneOf(String workspace, String userId) {
        User user = SlackCalls.run(() -> clients.methods(workspace).usersInfo(request -> request.user(userId)))
                .getUser();
        return Optional.ofNullable(user).map(User::getTz).filter(zone -> !zone.isBlank());
    }

    /** From {@code users.info} (scope {@code users:read}): its admins, owners and primary owner. */
    @Override
    public boolean isAdmin(String workspace, String userId) {
        User user = SlackCalls.run(() -> clients.methods(workspace).usersInfo(request -> request.user(userId)))
                .getUser();
        return user != null && (user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
    }

    /** From {@code usergroups.users.list} (scope {@code usergroups:read}). */
    @Override
    public Set<String> members(String workspace, String userGroupId) {
        List<String> users = SlackCalls.run(
                        () -> clients.methods(workspace).usergroupsUsersList(request -> request.usergroup(userGroupId)))
                .getUsers();
        return users == null ? Set.of() : Set.copyOf(users);
    }

    private PostedMessage post(String workspace, String channel, SlackMessage message) {
        ChatPostMessageResponse posted =
                SlackCalls.run(() -> clients.methods(workspace).chatPostMessage(request -> request.channel(channel)
                        .text(message.text())
                        .blocks(message.blocks())
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        return new PostedMessage(posted.getChannel() == null ? channel : posted.getChannel(), posted.getTs());
    }

    private void update(String workspace, PostedMessage where, SlackMessage message) {
        SlackCalls.run(() -> clients.methods(workspace).chatUpdate(request -> request.channel(where.channel())
                .ts(where.messageId())
                .text(message.text())
                .blocks(message.blocks())));
    }
}
