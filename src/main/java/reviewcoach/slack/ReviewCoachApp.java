package reviewcoach.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import reviewcoach.config.Policy;
import reviewcoach.service.SessionService;
import reviewcoach.slack.api.SlackWebGateway;
import reviewcoach.slack.render.SessionMessages;

/**
 * Builds the Bolt app: request verification, and the listeners for {@code /review}, thread replies, step buttons, the
 * review form and deleting sessions. Every Events API event gets a 200, handled or not, so Slack never retries or disables them.
 */
public final class ReviewCoachApp {

    private ReviewCoachApp() {}

    public static App build(
            String signingSecret,
            Slack slack,
            SessionService sessions,
            SlackWebGateway gateway,
            Policy policy,
            Executor background) {
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
        SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        App app = new App(config, List.of(new SSLCheck(null), new RequestVerification(verifier)));

        DeleteSessions deletes = new DeleteSessions(sessions, gateway, background);
        ReviewCommand command = new ReviewCommand(sessions, gateway, policy, deletes);
        app.blockAction(DeleteSessions.DELETE, deletes::onDelete);
        app.command("/review", command::onCommand);
        app.viewSubmission(ReviewModal.CALLBACK_ID, command::onFormSubmitted);

        ThreadListener thread = new ThreadListener(sessions);
        app.event(MessageEvent.class, thread::onMessage);
        app.event(MessageChangedEvent.class, thread::onChanged);
        app.event(MessageDeletedEvent.class, thread::onDeleted);

        StepButtons buttons = new StepButtons(sessions);
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
        return app;
    }
}
