package reviewcoach.slack.render;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import reviewcoach.dialogue.Session;
import reviewcoach.summary.FollowUp;

/** The direct messages an owner gets: their action items when assigned, and a reminder when one is due. */
public final class OwnerMessages {

    /** Room for the opening, the link, and the note that some items did not fit. */
    private static final int ITEM_BLOCK_LIMIT = SlackMessage.MAX_BLOCKS - 3;

    private OwnerMessages() {}

    /** The owner's items from one session, each with a Done button while it is open. */
    public static SlackMessage assigned(Session session, List<FollowUp> items, String threadLink) {
        long open = items.stream().filter(item -> !item.isDone()).count();
        String opening = open == 0
                ? "All done, thank you. Your follow-ups from the review the team worked through in <#"
                        + session.channel() + ">:"
                : "The team agreed on " + (items.size() == 1 ? "a follow-up" : "some follow-ups")
                        + " for you after working through a review in <#" + session.channel()
                        + ">. Press *Done* when one is done:";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(opening))));
        int shown = 0;
        for (FollowUp item : items) {
            if (blocks.size() >= ITEM_BLOCK_LIMIT) {
                break;
            }
            blocks.addAll(FollowUpBlocks.blocks(item, false));
            shown++;
        }
        if (shown < items.size()) {
            String more = "_" + (items.size() - shown) + " more are in the summary and the App Home._";
            blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(where(session, threadLink))))));
        String text = open == 0
                ? "All your follow-ups from this review are done."
                : "You have " + open + (open == 1 ? " follow-up" : " follow-ups") + " from a review the team worked"
                        + " through.";
        return new SlackMessage(text, blocks);
    }

    /** A reminder of one open item, due today or overdue. */
    public static SlackMessage reminder(Session session, FollowUp item, boolean overdue, String threadLink) {
        String opening = overdue
                ? "A gentle nudge: this follow-up is past its due date. If it's done, press *Done*; if it's stuck,"
                        + " a word in the thread helps."
                : "A reminder: this follow-up is due today.";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(opening))));
        blocks.addAll(FollowUpBlocks.blocks(item, false));
        blocks.add(context(c -> c.elements(List.of(markdownText(where(session, threadLink))))));
        String text =
                (overdue ? "Overdue: " : "Due today: ") + SlackText.shorten(SlackText.escape(item.description()), 200);
        return new SlackMessage(text, blocks);
    }

    private static String where(Session session, String threadLink) {
        return threadLink == null
                ? "From the review worked through in <#" + session.channel() + ">."
                : "From the review worked through in <#" + session.channel() + "> · <" + threadLink
                        + "|Open the thread>";
    }
}
