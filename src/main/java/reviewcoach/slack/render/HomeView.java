package reviewcoach.slack.render;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import reviewcoach.summary.Home;
import reviewcoach.summary.ItemLine;
import reviewcoach.summary.PeriodPicture;
import reviewcoach.summary.SessionLine;
import reviewcoach.summary.TimeToFinish;

/**
 * Renders a person's App Home: open sessions, their action items with Done buttons, what finished lately, and the
 * month at a glance.
 *
 * @see <a href="https://docs.slack.dev/surfaces/app-home">App Home</a>
 */
public final class HomeView {

    /** The Done button's action id; its value is the action item's id. */
    public static final String ITEM_DONE = "action_item_done";

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int DESCRIPTION_LIMIT = 500;

    private HomeView() {}

    /**
     * @param workspaceUrl the workspace's address, such as {@code https://acme.slack.com/}, for links to threads
     */
    public static View render(Home home, String workspaceUrl) {
        return render(home, workspaceUrl, List.of());
    }

    /**
     * @param workspaceUrl the workspace's address, such as {@code https://acme.slack.com/}, for links to threads
     * @param footer blocks shown last (the office's settings)
     */
    public static View render(Home home, String workspaceUrl, List<LayoutBlock> footer) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Review Coach"))));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Where the team's reviews stand. Type `/review` in any channel to work through a new one.")))));
        openSessions(home, workspaceUrl, blocks);
        blocks.add(divider());
        myItems(home, blocks);
        blocks.add(divider());
        recentlyFinished(home, workspaceUrl, blocks);
        blocks.add(divider());
        picture(home.picture(), home.month(), blocks);
        if (!footer.isEmpty()) {
            blocks.add(divider());
            blocks.addAll(footer);
        }
        return View.builder().type("home").blocks(blocks).build();
    }

    private static void openSessions(Home home, String workspaceUrl, List<LayoutBlock> blocks) {
        blocks.add(header(h -> h.text(plainText(":speech_balloon: Open sessions"))));
        if (home.open().isEmpty()) {
            blocks.add(section(s -> s.text(
                    markdownText("No open sessions. Type `/review` and paste a review in any channel to start one."))));
            return;
        }
        for (SessionLine line : home.open()) {
            String title = Pictures.stepTitle(line.step());
            String link = Pictures.threadLink(workspaceUrl, line);
            String text = (link == null ? "*" + title + "*" : "*<" + link + "|" + title + ">*") + " in "
                    + Pictures.where(line) + " · started " + Pictures.date(line.startedAt()) + "\n"
                    + SlackText.quote(Pictures.excerpt(line));
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        if (home.moreOpen()) {
            blocks.add(context(c -> c.elements(List.of(
                    markdownText("More are open. Type `/review list` in a channel to see all of its sessions.")))));
        }
    }

    private static void myItems(Home home, List<LayoutBlock> blocks) {
        blocks.add(header(h -> h.text(plainText(":pushpin: Your action items"))));
        if (home.myItems().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(
                    "Nothing on your list. When a response plan names you as an owner, it shows up here."))));
            return;
        }
        for (ItemLine item : home.myItems()) {
            String due = item.dueDate() == null
                    ? ""
                    : item.isOverdue(home.today())
                            ? "\n:warning: was due " + DUE.format(item.dueDate())
                            : "\n:calendar: due " + DUE.format(item.dueDate());
            String text = SlackText.shorten(SlackText.escape(item.description()), DESCRIPTION_LIMIT) + due;
            blocks.add(section(s -> s.text(markdownText(text)).accessory(button(b -> b.actionId(ITEM_DONE)
                    .text(plainText("Done"))
                    .style("primary")
                    .value(String.valueOf(item.id()))))));
        }
    }

    private static void recentlyFinished(Home home, String workspaceUrl, List<LayoutBlock> blocks) {
        blocks.add(header(h -> h.text(plainText(":white_check_mark: Recently finished"))));
        if (home.recentlyFinished().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(
                    "Nothing finished yet. When the team finishes a session, it shows up here with its thread."))));
            return;
        }
        for (SessionLine line : home.recentlyFinished()) {
            String link = Pictures.threadLink(workspaceUrl, line);
            String finished = "Finished " + Pictures.date(line.finishedAt());
            String took = TimeToFinish.describe(Duration.between(line.startedAt(), line.finishedAt()));
            String text = (link == null ? "*" + finished + "*" : "*<" + link + "|" + finished + ">*") + " in "
                    + Pictures.where(line) + " · took " + took + "\n" + SlackText.quote(Pictures.excerpt(line));
            blocks.add(section(s -> s.text(markdownText(text))));
        }
    }

    private static void picture(Optional<PeriodPicture> drawn, String month, List<LayoutBlock> blocks) {
        blocks.add(header(h -> h.text(plainText(":bar_chart: " + month + " at a glance"))));
        if (drawn.isEmpty()) {
            blocks.add(
                    section(s -> s.text(markdownText("The month's picture is on its way; it appears here shortly."))));
            return;
        }
        PeriodPicture picture = drawn.get();
        if (picture.isEmpty()) {
            blocks.add(section(s -> s.text(
                    markdownText("A quiet month so far. This picture fills in as the team works through reviews."))));
            return;
        }
        blocks.add(section(s -> s.text(markdownText(Pictures.counts(picture)))));
        feelings(picture, blocks);
    }

    /** The feelings before and after, as bars; shared with the digest. */
    static void feelings(PeriodPicture picture, List<LayoutBlock> blocks) {
        if (!picture.feelingsBefore().isEmpty()) {
            String text = "*Feelings before*\n" + Pictures.feelingBars(picture.feelingsBefore(), Pictures.BEFORE);
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        if (!picture.feelingsAfter().isEmpty()) {
            String text = "*Feelings after*\n" + Pictures.feelingBars(picture.feelingsAfter(), Pictures.AFTER);
            blocks.add(section(s -> s.text(markdownText(text))));
        }
    }
}
