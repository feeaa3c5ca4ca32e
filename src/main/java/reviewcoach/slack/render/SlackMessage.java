package reviewcoach.slack.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message ready to send: the plain-text fallback Slack shows in notifications, and the blocks.
 *
 * @param text the fallback text, already escaped
 * @param blocks the Block Kit blocks, at most 50
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public static final int MAX_BLOCKS = 50;

    public SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException("Slack takes at most 50 blocks, got " + blocks.size());
        }
    }
}
