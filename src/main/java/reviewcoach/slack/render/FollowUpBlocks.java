package reviewcoach.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import reviewcoach.summary.FollowUp;

/**
 * How an action item looks wherever it appears (the summary, an owner's direct message, a reminder): its words, owner
 * and due date, and, while it is open, a Done button and a way to give it to someone else.
 */
public final class FollowUpBlocks {

    /** The Done button's action id; its value is the item's id. The App Home renders the same button. */
    public static final String DONE = "action_item_done";
    /** The Reassign menu's action id; its block id is {@link #BLOCK_PREFIX} and the item's id. */
    public static final String REASSIGN = "action_item_reassign";

    public static final String BLOCK_PREFIX = "action_item:";

    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final int DESCRIPTION_LIMIT = 1500;

    private FollowUpBlocks() {}

    /** The Done button for an item. */
    public static ButtonElement doneButton(FollowUp item) {
        return button(
                b -> b.actionId(DONE).text(plainText("Done")).style("primary").value(String.valueOf(item.id())));
    }

    /** One line for an item: "description · owner · due date", or struck through with who did it once done. */
    public static String line(FollowUp item) {
        String description = SlackText.shorten(SlackText.escape(item.description()), DESCRIPTION_LIMIT);
        StringBuilder text = new StringBuilder();
        if (item.isDone()) {
            text.append("✅ ~")
                    .append(description)
                    .append("~ · done by <@")
                    .append(item.doneBy())
                    .append(">");
            return text.toString();
        }
        text.append("☐ ").append(description);
        text.append(item.hasOwner() ? " · <@" + item.owner() + ">" : " · _no owner yet_");
        if (item.due() != null) {
            text.append(" · due ").append(DUE.format(item.due()));
        }
        return text.toString();
    }

    /**
     * The blocks of an item: its line, and while it is open and kept, its Done button and a Reassign menu.
     *
     * @param reassign whether to offer the Reassign menu
     */
    public static List<LayoutBlock> blocks(FollowUp item, boolean reassign) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String text = line(item);
        if (!item.isStored() || item.isDone()) {
            blocks.add(section(s -> s.text(markdownText(text))));
            return blocks;
        }
        if (!reassign) {
            blocks.add(section(s -> s.text(markdownText(text)).accessory(doneButton(item))));
            return blocks;
        }
        blocks.add(section(s -> s.text(markdownText(text))));
        blocks.add(actions(a -> a.blockId(BLOCK_PREFIX + item.id())
                .elements(List.of(doneButton(item), usersSelect(u -> u.actionId(REASSIGN)
                        .placeholder(plainText("Reassign to…")))))));
        return blocks;
    }

    /** How many blocks {@link #blocks} makes for an item. */
    static int size(FollowUp item, boolean reassign) {
        return !item.isStored() || item.isDone() || !reassign ? 1 : 2;
    }
}
