package reviewcoach.slack.render;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import reviewcoach.summary.SessionLine;

/** Renders {@code /review list}: one line per open session, with its step, a link to its thread and its review. */
public final class SessionList {

    private SessionList() {}

    public static List<LayoutBlock> render(List<SessionLine> open, String workspaceUrl) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (open.isEmpty()) {
            return blocks;
        }
        String count = open.size() == 1 ? "One session is open here." : open.size() + " sessions are open here.";
        blocks.add(section(s -> s.text(markdownText(count + " Jump back in where the team left off:"))));
        for (SessionLine line : open) {
            String title = Pictures.stepTitle(line.step());
            String link = Pictures.threadLink(workspaceUrl, line);
            String text = (link == null ? "*" + title + "*" : "*<" + link + "|" + title + ">*") + " · started "
                    + Pictures.date(line.startedAt()) + "\n" + SlackText.quote(Pictures.excerpt(line));
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        return blocks;
    }
}
