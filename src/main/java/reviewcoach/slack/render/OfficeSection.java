package reviewcoach.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.service.Managers;
import reviewcoach.service.OfficeSettings;

/** The office's settings as everyone sees them at the foot of the App Home, with a button to change them. */
public final class OfficeSection {

    /** The action id of the button that opens the settings form. */
    public static final String OPEN = "office_settings_open";

    private OfficeSection() {}

    /** What the chosen settings say, for everyone in the App Home, with a button to change them. */
    public static List<LayoutBlock> render(OfficeSettings settings) {
        String text = "*Summaries and the weekly digest* go to " + where(settings.summaryChannel()) + ".\n*Managers:* "
                + managers(settings.managers()) + "\n*Practice:* " + practice(settings.practice());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(":gear: Office settings"))));
        blocks.add(section(s -> s.text(markdownText(text))));
        blocks.add(actions(a -> a.elements(List.of(
                button(b -> b.actionId(OPEN).text(plainText("Change settings")).value("open"))))));
        return blocks;
    }

    private static String where(String channel) {
        return channel == null ? "each session's own channel" : "<#" + channel + ">";
    }

    private static String managers(Set<String> ids) {
        if (ids.isEmpty()) {
            return "none named yet";
        }
        return ids.stream()
                .sorted()
                .map(id -> Managers.isUserGroup(id) ? "<!subteam^" + id + ">" : "<@" + id + ">")
                .collect(Collectors.joining(", "));
    }

    private static String practice(PracticeType practice) {
        return practice == PracticeType.HEALTHCARE
                ? "health care: public replies never confirm that someone is a client"
                : "general";
    }
}
