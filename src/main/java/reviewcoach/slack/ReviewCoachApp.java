package reviewcoach.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import reviewcoach.config.Policy;
import reviewcoach.service.ActionItemService;
import reviewcoach.service.SessionService;
import reviewcoach.slack.api.SlackWebGateway;
import reviewcoach.slack.render.FollowUpBlocks;
import reviewcoach.slack.render.SessionMessages;
import reviewcoach.slack.render.SummaryMessage;

/**
 * Builds the Bolt app: the listeners for {@code /review}, thread replies, step buttons, the review form, deleting
 * sessions and the App Home. Requests reach it through {@code http.SlackEndpoint}, which checks Slack's signature on
 * the raw bytes before anything parses them, or over Socket Mode through {@code slack.socket.EnvelopeHandler}. Every
 * Events API event handled or ignored is acknowledged, so Slack neither retries nor disables them; one whose handling
 * failed in the database gets a 503 from the endpoint, or no acknowledgement over the socket, so that Slack sends it
 * again.
 */
public final class ReviewCoachApp {

    private ReviewCoachApp() {}

    public static App build(
            String signingSecret,
            Slack slack,
            SessionService sessions,
            SlackWebGateway gateway,
            Policy policy,
            Executor background,
            TeamFeatures team,
            ActionItemService items) {
        AppConfig config = AppConfig.builder()
                .signingSecret(signingSecret)
                .singleTeamBotToken(null)
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .redirectUri(null)
                .scope(null)
                .userScope(null)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                .allEventsApiAutoAckEnabled(true)
                .ignoringSelfEventsEnabled(false)
                .threadPoolSize(2)
                .slack(slack)
                .build();
        // A list that can grow: more middleware may follow (onlyInstalledWorkspaces).
        App app = new App(
                config,
                new ArrayList<>(List.of(new UnreadablePayloads(), new SSLCheck(null), new ReplayedRequests(sessions))));

        PrivateReply replies = new PrivateReply();
        DeleteSessions deletes = new DeleteSessions(sessions, gateway, background, replies);
        ReviewCommand command = new ReviewCommand(sessions, gateway, policy, deletes, new TeamCommands(team));
        app.blockAction(DeleteSessions.DELETE, deletes::onDelete);
        app.blockAction(SummaryMessage.SHARE, new ShareButton(sessions, replies)::onShare);
        app.command("/review", command::onCommand);
        app.viewSubmission(ReviewModal.CALLBACK_ID, command::onFormSubmitted);

        ThreadListener thread = new ThreadListener(sessions);
        app.event(MessageEvent.class, thread::onMessage);
        app.event(MessageChangedEvent.class, thread::onChanged);
        app.event(MessageDeletedEvent.class, thread::onDeleted);
        HomeTab home = new HomeTab(team);
        app.event(AppHomeOpenedEvent.class, home::onOpened);
        OfficeSettingsButtons settings = new OfficeSettingsButtons(team.office(), gateway, home);
        app.blockAction(OfficeSettingsForm.OPEN, settings::onOpen);
        app.viewSubmission(OfficeSettingsForm.CALLBACK_ID, settings::onSubmitted);
        ActionItemButtons itemButtons = new ActionItemButtons(items, home, replies);
        app.blockAction(FollowUpBlocks.DONE, itemButtons::onDone);
        app.blockAction(FollowUpBlocks.REASSIGN, itemButtons::onReassign);

        StepButtons buttons = new StepButtons(sessions, replies);
        app.blockAction(
                Pattern.compile("^("
                        + String.join(
                                "|",
                                SessionMessages.NEXT,
                                SessionMessages.BACK,
                                SessionMessages.FINISH,
                                SessionMessages.PICK,
                                SessionMessages.RATE)
                        + ")$"),
                buttons::onPressed);
        app.blockAction(SessionMessages.REVIEWER, buttons::onReviewer);
        return app;
    }

    /**
     * Answers requests from workspaces the app is not installed in without handling them (installing to many).
     *
     * @param isInstalled whether the app is installed in a workspace, given its id
     */
    public static void onlyInstalledWorkspaces(App app, Predicate<String> isInstalled) {
        app.use(new InstalledWorkspaces(isInstalled));
    }

    /**
     * Listens for the app being removed from a workspace, or its bot token there revoked.
     *
     * @param forgetWorkspace forgets that workspace's installation, given its id
     */
    public static void handleUninstalls(App app, Consumer<String> forgetWorkspace) {
        Uninstalls uninstalls = new Uninstalls(forgetWorkspace);
        app.event(AppUninstalledEvent.class, uninstalls::onUninstalled);
        app.event(TokensRevokedEvent.class, uninstalls::onTokensRevoked);
    }
}
