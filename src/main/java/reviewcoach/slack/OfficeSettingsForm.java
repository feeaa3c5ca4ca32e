package reviewcoach.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.service.Managers;
import reviewcoach.service.OfficeSettings;
import reviewcoach.slack.render.OfficeSection;

/**
 * The form that changes the office's settings, and reading what was submitted: the channel for summaries and the
 * digest, the managers, and the kind of practice.
 */
final class OfficeSettingsForm {

    static final String OPEN = OfficeSection.OPEN;
    static final String CALLBACK_ID = "office_settings";
    static final String CHANNEL_BLOCK = "summary_channel";
    static final String MANAGERS_BLOCK = "managers";
    static final String PRACTICE_BLOCK = "practice";
    static final String VALUE = "value";

    private OfficeSettingsForm() {}

    /** The form, filled in with the settings as they are. */
    static View form(OfficeSettings settings) {
        List<OptionObject> practices = List.of(
                option(plainText("General (a shop, a studio)"), PracticeType.GENERAL.name()),
                option(plainText("Health care (therapy, clinic, dental)"), PracticeType.HEALTHCARE.name()));
        OptionObject current = settings.practice() == PracticeType.HEALTHCARE ? practices.get(1) : practices.get(0);
        List<String> people = settings.managers().stream()
                .filter(id -> !Managers.isUserGroup(id))
                .toList();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(CHANNEL_BLOCK)
                .optional(true)
                .label(plainText("Channel for summaries and the weekly digest"))
                .hint(plainText("Leave empty to post each summary in the session's own channel. Invite me to a"
                        + " private channel first."))
                .element(conversationsSelect(c -> {
                    c.actionId(VALUE)
                            .filter(ConversationsFilter.builder()
                                    .include(List.of("public", "private"))
                                    .excludeBotUsers(true)
                                    .build());
                    if (settings.summaryChannel() != null) {
                        c.initialConversation(settings.summaryChannel());
                    }
                    return c;
                }))));
        blocks.add(input(i -> i.blockId(MANAGERS_BLOCK)
                .optional(true)
                .label(plainText("Managers"))
                .hint(plainText("They may finish and delete any session and ask for the digest. User groups set by"
                        + " your administrator stay."))
                .element(multiUsersSelect(m -> {
                    m.actionId(VALUE);
                    if (!people.isEmpty()) {
                        m.initialUsers(people);
                    }
                    return m;
                }))));
        blocks.add(input(i -> i.blockId(PRACTICE_BLOCK)
                .label(plainText("Kind of practice"))
                .hint(plainText("In health care, public reply drafts never confirm that the reviewer is a client."))
                .element(staticSelect(s -> s.actionId(VALUE).options(practices).initialOption(current)))));
        return view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text("Office settings")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** Said instead of the form to someone who may not change the settings. */
    static View notAllowed() {
        return view(v -> v.type("modal")
                .title(viewTitle(t -> t.type("plain_text").text("Office settings")))
                .close(viewClose(c -> c.type("plain_text").text("OK")))
                .blocks(List.of(section(s -> s.text(markdownText("Only a workspace admin or one of the office's"
                        + " managers can change these. Ask one of them if something should change."))))));
    }

    /** What was chosen: a channel or none, the people, and the practice. */
    record Choice(String summaryChannel, Set<String> people, String practice) {}

    /** Reads a submitted form; empty when it is not one Slack could have sent. */
    static Optional<Choice> read(ViewState state) {
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        Map<String, Map<String, ViewState.Value>> values = state.getValues();
        ViewState.Value channel = value(values, CHANNEL_BLOCK);
        ViewState.Value managers = value(values, MANAGERS_BLOCK);
        ViewState.Value practice = value(values, PRACTICE_BLOCK);
        if (practice == null || practice.getSelectedOption() == null) {
            return Optional.empty();
        }
        String chosenChannel = channel == null ? null : channel.getSelectedConversation();
        if (chosenChannel != null && !SlackFields.isId(chosenChannel)) {
            return Optional.empty();
        }
        List<String> people =
                managers == null || managers.getSelectedUsers() == null ? List.of() : managers.getSelectedUsers();
        if (!people.stream().allMatch(SlackFields::isId)) {
            return Optional.empty();
        }
        String practiceValue = practice.getSelectedOption().getValue();
        if (!PracticeType.GENERAL.name().equals(practiceValue)
                && !PracticeType.HEALTHCARE.name().equals(practiceValue)) {
            return Optional.empty();
        }
        return Optional.of(new Choice(chosenChannel, new LinkedHashSet<>(people), practiceValue));
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> inBlock = values.get(block);
        return inBlock == null ? null : inBlock.get(VALUE);
    }
}
