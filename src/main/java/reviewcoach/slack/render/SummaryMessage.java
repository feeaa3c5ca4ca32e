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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import reviewcoach.dialogue.ActionItem;
import reviewcoach.dialogue.Step;
import reviewcoach.summary.ManagerSummary;

/** Renders the manager summary, splitting long content so that Slack never rejects it. */
public final class SummaryMessage {

    private static final int EXCERPT_LIMIT = 600;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    /** Room kept for the closing blocks (link, share, note) under Slack's 50-block limit. */
    private static final int BODY_BLOCK_LIMIT = SlackMessage.MAX_BLOCKS - 4;

    private SummaryMessage() {}

    public static final String SHARE = "share_summary";

    /**
     * Renders a summary.
     *
     * @param offerToShare adds a Share button, for a private session's summary in its direct message
     */
    public static SlackMessage render(ManagerSummary summary, boolean offerToShare) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Review worked through"))));
        String excerpt = SlackText.quote(
                SlackText.shorten(SlackText.escape(summary.review().text()), EXCERPT_LIMIT));
        blocks.add(section(s -> s.text(markdownText(excerpt))));
        blocks.add(context(c -> c.elements(List.of(markdownText(facts(summary))))));
        Optional<String> choices = choices(summary);
        if (choices.isPresent()) {
            String text = choices.get();
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        boolean shortened = false;
        Step.Part part = null;
        for (ManagerSummary.StepLines step : summary.stepsWithLines()) {
            if (step.step().part() != part) {
                part = step.step().part();
                String partTitle = "*" + part.title() + "*";
                blocks.add(divider());
                blocks.add(section(s -> s.text(markdownText(partTitle))));
            }
            for (String chunk : SlackText.split(stepText(step), SlackText.SECTION_LIMIT)) {
                blocks.add(section(s -> s.text(markdownText(chunk))));
            }
        }
        if (!summary.actionItems().isEmpty()) {
            String followUps = followUps(summary);
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText(followUps))));
        }
        if (summary.stepsWithLines().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("_The team finished before writing anything down._"))));
        }
        if (blocks.size() > BODY_BLOCK_LIMIT) {
            blocks = new ArrayList<>(blocks.subList(0, BODY_BLOCK_LIMIT));
            shortened = true;
        }
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(link(summary)))));
        if (offerToShare) {
            blocks.add(actions(a -> a.blockId("share").elements(List.of(button(b -> b.actionId(SHARE)
                    .text(plainText("Share with the team"))
                    .value(String.valueOf(summary.sessionId())))))));
        }
        if (shortened) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "_This summary was shortened to fit in one" + " message; everything is in the thread._")))));
        }
        String text = "Review worked through in <#" + summary.channel() + "> by " + people(summary);
        return new SlackMessage(text, blocks);
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

    private static String followUps(ManagerSummary summary) {
        StringBuilder text = new StringBuilder("*Follow-ups*");
        for (ActionItem item : summary.actionItems()) {
            text.append("\n• ").append(SlackText.escape(item.description()));
            text.append(item.hasOwner() ? " · <@" + item.owner() + ">" : " · _no owner yet_");
            if (item.due() != null) {
                text.append(" · due ").append(DUE.format(item.due()));
            }
        }
        return SlackText.shorten(text.toString(), SlackText.SECTION_LIMIT);
    }

    private static String stepText(ManagerSummary.StepLines step) {
        String lines = step.lines().stream()
                .map(line -> "• <@" + line.author() + ">: " + SlackText.escape(line.text())
                        + (line.questioned() ? " _(the coach questioned this)_" : ""))
                .collect(Collectors.joining("\n"));
        return "*" + step.step().letter() + " · " + step.step().title() + "*\n" + lines;
    }

    private static String facts(ManagerSummary summary) {
        StringBuilder facts = new StringBuilder();
        summary.review().sourceIfKnown().ifPresent(source -> facts.append(SlackText.escape(source))
                .append(" · "));
        summary.review().ratingIfKnown().ifPresent(stars -> facts.append(SessionMessages.stars(stars))
                .append(" · "));
        facts.append("in <#").append(summary.channel()).append("> · ");
        facts.append(people(summary)).append(" · took ").append(humanDuration(summary.duration()));
        return facts.toString();
    }

    private static String people(ManagerSummary summary) {
        if (summary.participants().isEmpty()) {
            return "nobody wrote in the thread";
        }
        return summary.participants().stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
    }

    private static String link(ManagerSummary summary) {
        return summary.threadLink() == null
                ? "The full conversation is in the session's thread in <#" + summary.channel() + ">."
                : "<" + summary.threadLink() + "|Open the thread> for the full conversation.";
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
