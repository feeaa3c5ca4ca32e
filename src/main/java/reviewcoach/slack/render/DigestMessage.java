package reviewcoach.slack.render;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import reviewcoach.summary.Bars;
import reviewcoach.summary.Digest;
import reviewcoach.summary.OwnerLoad;
import reviewcoach.summary.Tally;

/** Renders the managers' digest: the week in reviews, open action items by owner, and feelings before and after. */
public final class DigestMessage {

    static final String OPEN = ":large_yellow_square:";
    static final String OVERDUE = ":large_red_square:";

    private DigestMessage() {}

    public static SlackMessage render(Digest digest) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(":bar_chart: The week in reviews"))));
        String period =
                Pictures.date(digest.from()) + " – " + Pictures.date(digest.to().minusSeconds(1));
        blocks.add(context(c -> c.elements(List.of(markdownText(period)))));
        if (digest.picture().started() == 0 && digest.picture().finished() == 0) {
            blocks.add(section(s -> s.text(markdownText("A quiet week: no reviews started or finished."))));
        } else {
            blocks.add(section(s -> s.text(markdownText(Pictures.counts(digest.picture())))));
        }
        blocks.add(divider());
        for (String chunk : owners(digest)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        if (!digest.picture().feelingsBefore().isEmpty()
                || !digest.picture().feelingsAfter().isEmpty()) {
            blocks.add(divider());
            HomeView.feelings(digest.picture(), blocks);
        }
        return new SlackMessage(fallback(digest), blocks);
    }

    /** The owners' lines, in as many sections as Slack's 3,000 characters per section need. */
    private static List<String> owners(Digest digest) {
        if (digest.owners().isEmpty()) {
            return List.of("*Action items*\nNo action items open. Everything the team agreed to is done.");
        }
        StringBuilder text = new StringBuilder("*Action items* · " + digest.openItems() + " open");
        if (digest.overdueItems() > 0) {
            text.append(", ").append(digest.overdueItems()).append(" overdue");
        }
        List<Tally> open = digest.owners().stream()
                .map(owner -> new Tally(owner.owner(), owner.open()))
                .toList();
        List<Integer> lengths = Bars.lengths(open, Bars.WIDTH);
        for (int i = 0; i < digest.owners().size(); i++) {
            OwnerLoad owner = digest.owners().get(i);
            int length = lengths.get(i);
            int overdue = owner.overdue() == 0
                    ? 0
                    : (int) Math.max(1, Math.round((double) length * owner.overdue() / owner.open()));
            text.append('\n')
                    .append(Pictures.bar(overdue, OVERDUE))
                    .append(Pictures.bar(length - overdue, OPEN))
                    .append("  ")
                    .append(mention(owner.owner()))
                    .append(" · ")
                    .append(owner.open())
                    .append(" open");
            if (owner.overdue() > 0) {
                text.append(", ").append(owner.overdue()).append(" overdue");
            }
        }
        return SlackText.split(text.toString(), SlackText.SECTION_LIMIT);
    }

    /** A user id as a mention; anything else the store holds is shown as escaped text. */
    private static String mention(String owner) {
        return owner.matches("[UW][A-Z0-9]{2,}") ? "<@" + owner + ">" : SlackText.escape(owner);
    }

    private static String fallback(Digest digest) {
        return "The week in reviews: " + digest.picture().started() + " started, "
                + digest.picture().finished() + " finished; " + digest.openItems() + " action items open, "
                + digest.overdueItems() + " overdue.";
    }
}
