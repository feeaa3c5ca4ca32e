package reviewcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.service.DeliveryFailure;
import reviewcoach.service.OfficeAdmin;
import reviewcoach.slack.api.SlackWebGateway;

/**
 * The App Home's "Change settings" button opens the office's settings form (or says who may change them), and the
 * submitted form is kept, for the workspace it came from only.
 */
final class OfficeSettingsButtons {

    private static final Logger log = LoggerFactory.getLogger(OfficeSettingsButtons.class);

    private final OfficeAdmin office;
    private final SlackWebGateway gateway;
    private final HomeTab home;

    OfficeSettingsButtons(OfficeAdmin office, SlackWebGateway gateway, HomeTab home) {
        this.office = office;
        this.gateway = gateway;
        this.home = home;
    }

    Response onOpen(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String workspace = SlackFields.workspaceOf(payload);
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        if (!SlackFields.isId(workspace) || !SlackFields.isId(user) || payload.getTriggerId() == null) {
            return context.ack();
        }
        var view = office.mayChange(workspace, user)
                ? OfficeSettingsForm.form(office.settingsOf(workspace))
                : OfficeSettingsForm.notAllowed();
        try {
            gateway.openModal(workspace, payload.getTriggerId(), view);
        } catch (DeliveryFailure failure) {
            log.warn("could not open the settings form: {}", failure.error());
        }
        return context.ack();
    }

    Response onSubmitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String workspace = payload.getTeam() == null ? null : payload.getTeam().getId();
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        Optional<OfficeSettingsForm.Choice> choice =
                OfficeSettingsForm.read(payload.getView().getState());
        if (!SlackFields.isId(workspace) || !SlackFields.isId(user) || choice.isEmpty()) {
            return context.ack(response -> response.responseAction("errors")
                    .errors(Map.of(OfficeSettingsForm.PRACTICE_BLOCK, "Something was missing. Please try again.")));
        }
        OfficeAdmin.Result result = office.change(
                workspace,
                user,
                choice.get().summaryChannel(),
                choice.get().people(),
                choice.get().practice());
        if (result == OfficeAdmin.Result.NOT_ALLOWED) {
            return context.ack(response -> response.responseAction("errors")
                    .errors(Map.of(
                            OfficeSettingsForm.PRACTICE_BLOCK,
                            "Only a workspace admin or one of the office's managers can change these.")));
        }
        home.republish(workspace, user);
        return context.ack();
    }
}
