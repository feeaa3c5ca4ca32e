package reviewcoach.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import reviewcoach.dialogue.ActionItem;
import reviewcoach.dialogue.Step;
import reviewcoach.summary.FollowUp;
import reviewcoach.summary.ManagerSummary;

/**
 * Renders the manager summary: the review, the model as it was beside the intentional model (one after the other when
 * they are too long for two columns), the chosen thought, the plan, the action items with Done buttons, who took part
 * and for how long. Long content is split, then shortened, so that Slack never rejects it (50 blocks, 3,000
 * characters per section, 2,000 per field).
 */
public final class SummaryMessage {

    public static final String SHARE = "share_summary";

    /** Slack's limit for one field of a section. */
    static final int FIELD_LIMIT = 2000;

    private static final int EXCERPT_LIMIT = 300;
    /** Room kept for the closing blocks (link, share, note) under Slack's 50-block limit. */
    private static final int BODY_BLOCK_LIMIT = SlackMessage.MAX_BLOCKS - 4;
    /** The most blocks the action items take, when there are many. */
    private static final int ITEM_BLOCKS = 23;

    private SummaryMessage() {}

    /**
     * Renders a summary.
     *
     * @param offerToShare adds a Share button, for a private session's summary in its direct message
     */
    public static SlackMessage render(ManagerSummary summary, boolean offerToShare) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Review worked through"))));
        String review = review(summary);
        blocks.add(section(s -> s.text(markdownText(review))));
        blocks.add(context(c -> c.elements(List.of(markdownText(facts(summary))))));
        if (summary.stepsWithLines().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("_The team finished before writing anything down._"))));
        } else {
            blocks.add(divider());
            Optional<String> before = column(summary, Step.Part.CURRENT);
            Optional<String> after = column(summary, Step.Part.INTENTIONAL);
            if (before.isPresent() && after.isPresent()) {
                blocks.add(section(s -> s.fields(List.of(markdownText(before.get()), markdownText(after.get())))));
            } else {
                addOneAfterTheOther(blocks, summary);
            }
        }
        choices(summary).ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        List<ManagerSummary.Line> plan = summary.linesOf(Step.RESPONSE_PLAN).stream()
                .filter(line -> ActionItem.parse(line.text()).isEmpty()) // listed below, with their Done buttons
                .toList();
        if (!plan.isEmpty()) {
            blocks.add(divider());
            for (String chunk :
                    SlackText.split("*" + Step.Part.PLAN.title() + "*\n" + lines(plan), SlackText.SECTION_LIMIT)) {
                blocks.add(section(s -> s.text(markdownText(chunk))));
            }
        }
        boolean shortened = false;
        int headLimit = BODY_BLOCK_LIMIT - roomForItems(summary.followUps());
        if (blocks.size() > headLimit) {
            blocks.subList(headLimit, blocks.size()).clear();
            shortened = true;
        }
        shortened |= addActionItems(blocks, summary.followUps());
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(link(summary)))));
        if (offerToShare) {
            blocks.add(actions(a -> a.blockId("share").elements(List.of(button(b -> b.actionId(SHARE)
                    .text(plainText("Share with the team"))
                    .value(String.valueOf(summary.sessionId())))))));
        }
        if (shortened) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "_This summary was shortened to fit in one message; everything is in the thread._")))));
        }
        return new SlackMessage(fallback(summary), blocks);
    }

    /**
     * Blocks kept for the action items (a divider, a title, two blocks per item, a note when some do not fit), so that
     * a long conversation never pushes the items out.
     */
    private static int roomForItems(List<FollowUp> items) {
        return items.isEmpty() ? 0 : Math.min(3 + 2 * items.size(), ITEM_BLOCKS);
    }

    /** The action items, each with its Done button, as many as fit; true when some did not. */
    private static boolean addActionItems(List<LayoutBlock> blocks, List<FollowUp> items) {
        if (items.isEmpty()) {
            return false;
        }
        long done = items.stream().filter(FollowUp::isDone).count();
        String title = "*Action items* · " + done + " of " + items.size() + " done";
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(title))));
        int shown = 0;
        for (FollowUp item : items) {
            if (blocks.size() + FollowUpBlocks.size(item, true) > BODY_BLOCK_LIMIT - 1) {
                break;
            }
            blocks.addAll(FollowUpBlocks.blocks(item, true));
            shown++;
        }
        if (shown < items.size()) {
            String more = "_" + (items.size() - shown) + " more action items are listed in the owners' direct"
                    + " messages and the App Home._";
            blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
            return true;
        }
        return false;
    }

    /** The review's source and rating, and a short excerpt; the whole review is in the thread. */
    private static String review(ManagerSummary summary) {
        List<String> about = new ArrayList<>();
        summary.review().sourceIfKnown().ifPresent(source -> about.add("*" + SlackText.escape(source) + "*"));
        summary.review().ratingIfKnown().ifPresent(stars -> about.add(SessionMessages.stars(stars)));
        String excerpt = SlackText.quote(
                SlackText.shorten(SlackText.escape(summary.review().text()), EXCERPT_LIMIT));
        String text = about.isEmpty() ? excerpt : String.join(" · ", about) + "\n" + excerpt;
        return SlackText.shorten(text, SlackText.SECTION_LIMIT);
    }

    /** One side of the model, every step with its lines, for one field; empty when it does not fit in one. */
    private static Optional<String> column(ManagerSummary summary, Step.Part part) {
        String text = "*" + part.title() + "*\n" + stepsOf(summary, part).orElse("_nothing written_");
        return text.length() <= FIELD_LIMIT ? Optional.of(text) : Optional.empty();
    }

    /** A long model, one part after the other in sections, split rather than cut so that every line is kept. */
    private static void addOneAfterTheOther(List<LayoutBlock> blocks, ManagerSummary summary) {
        for (Step.Part part : List.of(Step.Part.CURRENT, Step.Part.INTENTIONAL)) {
            Optional<String> steps = stepsOf(summary, part);
            if (steps.isEmpty()) {
                continue;
            }
            for (String chunk : SlackText.split("*" + part.title() + "*\n" + steps.get(), SlackText.SECTION_LIMIT)) {
                blocks.add(section(s -> s.text(markdownText(chunk))));
            }
        }
    }

    private static Optional<String> stepsOf(ManagerSummary summary, Step.Part part) {
        List<String> steps = summary.stepsWithLines().stream()
                .filter(step -> step.step().part() == part)
                .map(step -> "*" + step.step().letter() + " · " + step.step().title() + "*\n" + lines(step.lines()))
                .toList();
        return steps.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", steps));
    }

    private static String lines(List<ManagerSummary.Line> lines) {
        return lines.stream()
                .map(line -> "• <@" + line.author() + ">: " + SlackText.escape(line.text())
                        + (line.questioned() ? " _(the coach questioned this)_" : ""))
                .collect(Collectors.joining("\n"));
    }

    private static Optional<String> choices(ManagerSummary summary) {
        List<String> lines = new ArrayList<>();
        if (summary.chosenThought() != null) {
            lines.add("*The thought that stung most:* “"
                    + SlackText.shorten(SlackText.escape(summary.chosenThought()), 500) + "”");
        }
        if (summary.believability() != null) {
            lines.add("*How believable the new thought is today:* " + summary.believability() + "/10");
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    private static String facts(ManagerSummary summary) {
        return "in <#" + summary.channel() + "> · " + people(summary) + " · took " + humanDuration(summary.duration());
    }

    /** What notifications and screen readers show. */
    private static String fallback(ManagerSummary summary) {
        StringBuilder text =
                new StringBuilder("Review worked through in <#" + summary.channel() + "> by " + people(summary));
        if (!summary.followUps().isEmpty()) {
            long done = summary.followUps().stream().filter(FollowUp::isDone).count();
            text.append(": ")
                    .append(summary.followUps().size())
                    .append(summary.followUps().size() == 1 ? " action item, " : " action items, ")
                    .append(done)
                    .append(" done");
        }
        return text.toString();
    }

    private static String people(ManagerSummary summary) {
        if (summary.participants().isEmpty()) {
            return "nobody wrote in the thread";
        }
        return summary.participants().stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
    }

    private static String link(ManagerSummary summary) {
        return summary.threadLink() == null
                ? "The full review and conversation are in the session's thread in <#" + summary.channel() + ">."
                : "<" + summary.threadLink() + "|Open the thread> for the full review and conversation.";
    }

    static String humanDuration(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = duration.toHours();
        if (hours < 48) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return duration.toDays() + " days";
    }
}
