package reviewcoach.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.config.Policy;
import reviewcoach.dialogue.Review;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.service.SessionService;
import reviewcoach.service.StartRequest;
import reviewcoach.slack.api.Notices;
import reviewcoach.slack.api.SlackWebGateway;

/** Answers {@code /review}: help, the review form, or a new session; and starts a session from the submitted form. */
final class ReviewCommand {

    private static final Logger log = LoggerFactory.getLogger(ReviewCommand.class);
    private static final Pattern PRIVATE = Pattern.compile("(?is)private(?:\\s+(.*))?");

    private final SessionService sessions;
    private final SlackWebGateway gateway;
    private final Policy policy;
    private final DeleteSessions deletes;
    private final TeamCommands team;

    ReviewCommand(
            SessionService sessions,
            SlackWebGateway gateway,
            Policy policy,
            DeleteSessions deletes,
            TeamCommands team) {
        this.team = team;
        this.sessions = sessions;
        this.gateway = gateway;
        this.policy = policy;
        this.deletes = deletes;
    }

    /** Words after {@code /review} that never start a session. */
    private static final Set<String> SUBCOMMANDS = Set.of("help", "delete", "list", "digest");

    /**
     * Whether this command may start a session: it carries text that is not a subcommand. Every other way such a
     * command can go only answers its sender (see {@link ReplayedRequests}, which relies on that).
     */
    static boolean mayStartSession(SlashCommandPayload payload) {
        String text = payload == null || payload.getText() == null
                ? ""
                : payload.getText().strip();
        return !text.isEmpty() && !SUBCOMMANDS.contains(text.toLowerCase(Locale.ROOT));
    }

    Response onCommand(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        String text = payload.getText() == null ? "" : payload.getText().strip();
        if (text.toLowerCase(Locale.ROOT).equals("help")) {
            return context.ack(Notices.help());
        }
        if (!SlackFields.isId(payload.getChannelId())
                || !SlackFields.isId(payload.getUserId())
                || !SlackFields.isId(payload.getTeamId())) {
            return context.ack("Something was missing from that command. Please try again.");
        }
        if (text.toLowerCase(Locale.ROOT).equals("delete")) {
            return deletes.list(payload, context);
        }
        if (text.toLowerCase(Locale.ROOT).equals("list")) {
            return team.list(payload, context);
        }
        if (text.toLowerCase(Locale.ROOT).equals("digest")) {
            return team.digest(payload, context);
        }
        if (!SlackFields.isText(text)) {
            return context.ack("That is more than a Slack message can hold. Paste the part of the review the team"
                    + " needs to work through; nothing was saved.");
        }
        Matcher privately = PRIVATE.matcher(text);
        if (privately.matches()) {
            return startPrivately(request, privately.group(1).strip(), context);
        }
        if (payload.getChannelId().startsWith("D")) {
            return context.ack(Notices.notInDirectMessages());
        }
        if (text.isEmpty()) {
            return openForm(payload, context);
        }
        if (text.length() > policy.maxReviewLength()) {
            return context.ack(Notices.reviewTooLong(text.length(), policy.maxReviewLength()));
        }
        boolean started = sessions.start(
                        new StartRequest(
                                payload.getTeamId(),
                                payload.getChannelId(),
                                payload.getUserId(),
                                Review.of(text),
                                SlackFields.responseUrlOrNull(payload.getResponseUrl())),
                        ReplayedRequests.takeDeferredKey(context))
                .isPresent();
        return started ? context.ack(Notices.starting()) : ReplayedRequests.seenBefore(request);
    }

    /** {@code /review private <text>}: the same dialogue in a direct message with the bot, shared only by choice. */
    private Response startPrivately(SlashCommandRequest request, String review, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        if (review.isEmpty()) {
            return context.ack("Add the review after `/review private`, and we'll work through it just between us.");
        }
        if (review.length() > policy.maxReviewLength()) {
            return context.ack(Notices.reviewTooLong(review.length(), policy.maxReviewLength()));
        }
        String origin = payload.getChannelId().startsWith("D") ? null : payload.getChannelId();
        boolean started = sessions.start(
                        StartRequest.inPrivate(
                                payload.getTeamId(),
                                payload.getUserId(),
                                Review.of(review),
                                SlackFields.responseUrlOrNull(payload.getResponseUrl()),
                                origin),
                        ReplayedRequests.takeDeferredKey(context))
                .isPresent();
        return started ? context.ack(Notices.startingPrivately()) : ReplayedRequests.seenBefore(request);
    }

    Response onFormSubmitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        var view = request.getPayload().getView();
        Optional<ReviewModal.Origin> origin = ReviewModal.origin(view.getPrivateMetadata());
        Optional<Review> review = ReviewModal.review(view.getState());
        if (review.isEmpty()) {
            return context.ack(response -> response.responseAction("errors")
                    .errors(Map.of(ReviewModal.TEXT_BLOCK, "Paste the review here to start.")));
        }
        if (origin.isEmpty()) {
            return context.ack(response -> response.responseAction("errors")
                    .errors(Map.of(ReviewModal.TEXT_BLOCK, "This form lost track of its channel. Run /review again.")));
        }
        var user = request.getPayload().getUser();
        var team = request.getPayload().getTeam();
        if (user == null || team == null || !SlackFields.isId(user.getId()) || !SlackFields.isId(team.getId())) {
            return context.ack();
        }
        sessions.start(new StartRequest(
                team.getId(),
                origin.get().channel(),
                user.getId(),
                review.get(),
                origin.get().responseUrl()));
        return context.ack();
    }

    private Response openForm(SlashCommandPayload payload, SlashCommandContext context) {
        try {
            gateway.openModal(
                    payload.getTeamId(),
                    payload.getTriggerId(),
                    ReviewModal.form(new ReviewModal.Origin(payload.getChannelId(), payload.getResponseUrl())));
            return context.ack();
        } catch (DeliveryFailure failure) {
            log.warn("could not open the review form: {}", failure.error());
            return context.ack("I couldn't open the form just now. You can also paste the review right after the"
                    + " command: `/review <the review>`.");
        }
    }
}
