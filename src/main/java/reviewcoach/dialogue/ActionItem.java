package reviewcoach.dialogue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A follow-up the team agreed to in the response plan, with its owner and, when given, a due date: written in the thread
 * as {@code action: retrain the front desk on call-backs @Dana by 2026-12-01}.
 *
 * @param description what will be done
 * @param owner the user id of who will do it, or null when nobody was named yet
 * @param due when it is due, or null
 */
public record ActionItem(String description, String owner, LocalDate due) {

    private static final Pattern LINE =
            Pattern.compile("(?is)^\\s*(?:action|to[- ]?do|follow[- ]?up)\\s*:\\s*(.+?)\\s*$");
    /** Slack sends a mention as {@code <@U123>} or {@code <@U123|name>}. */
    private static final Pattern OWNER = Pattern.compile("<@([UW][A-Z0-9]{2,})(?:\\|[^>]*)?>");

    private static final Pattern DUE = Pattern.compile("(?i)\\s*\\bby\\s+(\\d{4}-\\d{2}-\\d{2})\\b");

    public ActionItem {
        Objects.requireNonNull(description, "description");
    }

    /** Reads a line as an action item, or empty when the line is not one. */
    public static Optional<ActionItem> parse(String line) {
        Matcher item = LINE.matcher(line);
        if (!item.matches()) {
            return Optional.empty();
        }
        String rest = item.group(1);
        Matcher owner = OWNER.matcher(rest);
        String ownerId = owner.find() ? owner.group(1) : null;
        rest = OWNER.matcher(rest).replaceAll(" ");
        LocalDate due = null;
        Matcher date = DUE.matcher(rest);
        if (date.find()) {
            try {
                due = LocalDate.parse(date.group(1));
                rest = rest.substring(0, date.start()) + rest.substring(date.end());
            } catch (DateTimeParseException notADate) {
                due = null;
            }
        }
        String description = rest.replaceAll("\\s+", " ").strip();
        if (description.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ActionItem(description, ownerId, due));
    }

    public boolean hasOwner() {
        return owner != null;
    }
}
