package reviewcoach.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.service.HomeService;
import reviewcoach.slack.render.SessionList;
import reviewcoach.summary.SessionLine;

/** {@code /review list}: the open sessions of this channel; {@code /review digest}: the digest now, for managers. */
final class TeamCommands {

    private static final Logger log = LoggerFactory.getLogger(TeamCommands.class);

    private final TeamFeatures team;

    TeamCommands(TeamFeatures team) {
        this.team = team;
    }

    Response list(SlashCommandPayload payload, SlashCommandContext context) {
        List<SessionLine> open =
                team.home().openInChannel(payload.getTeamId(), payload.getChannelId(), payload.getUserId());
        if (open.isEmpty()) {
            return context.ack("No open sessions in this channel. Type `/review` and paste a review to start one.");
        }
        List<LayoutBlock> blocks =
                new ArrayList<>(SessionList.render(open, team.views().workspaceUrlIfKnown(payload.getTeamId())));
        if (open.size() >= HomeService.CHANNEL_LISTED) {
            blocks.add(context(c -> c.elements(List.of(
                    markdownText("These are the newest. Your *Home* tab with me shows the rest across channels.")))));
        }
        return context.ack(response -> response.responseType("ephemeral")
                .text(open.size() + " open sessions in this channel")
                .blocks(blocks));
    }

    Response digest(SlashCommandPayload payload, SlashCommandContext context) {
        if (!team.managers().isManager(payload.getTeamId(), payload.getUserId())) {
            return context.ack("Only managers can post the digest. Ask one of them, or ask your admin to add you as a"
                    + " manager. The digest also goes out on its own once a week.");
        }
        if (!team.digests().queueNow(payload.getTeamId())) {
            return context.ack("There's no managers' channel for the digest yet: ask your admin to choose one in my"
                    + " *Home* tab (or to set SUMMARY_CHANNEL).");
        }
        log.info("digest asked for by a manager");
        return context.ack(response -> response.responseType("ephemeral")
                .blocks(List.of(section(
                        s -> s.text(markdownText("Posting the week in reviews to the managers' channel now.")))))
                .text("Posting the week in reviews to the managers' channel now."));
    }
}
