package reviewcoach.dialogue;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
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

    public ActionItem {
        Objects.requireNonNull(description, "description");
    }

    /** Reads a line as an action item, or empty when the line is not one; a due date is read only when ISO. */
    public static Optional<ActionItem> parse(String line) {
        return parse(line, DueDate::findIso);
    }

    /**
     * Reads a line as an action item, with a due date written the way people write them: {@code by 2026-12-01},
     * {@code by Friday}, {@code by Dec 1}, {@code by 1 December}, {@code by 12/1}, {@code by tomorrow}, {@code by next
     * week}. A weekday is the next one after today; a date without a year the next one on or after today.
     */
    public static Optional<ActionItem> parse(String line, LocalDate today) {
        Objects.requireNonNull(today, "today");
        return parse(line, rest -> DueDate.find(rest, today));
    }

    private static Optional<ActionItem> parse(String line, Function<String, Optional<DueDate.Found>> dueIn) {
        Matcher item = LINE.matcher(line);
        if (!item.matches()) {
            return Optional.empty();
        }
        String rest = item.group(1);
        Matcher owner = OWNER.matcher(rest);
        String ownerId = owner.find() ? owner.group(1) : null;
        rest = OWNER.matcher(rest).replaceAll(" ");
        Optional<DueDate.Found> due = dueIn.apply(rest);
        if (due.isPresent()) {
            rest = rest.substring(0, due.get().start()) + " "
                    + rest.substring(due.get().end());
        }
        String description = rest.replaceAll("\\s+", " ").strip();
        if (description.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ActionItem(
                description, ownerId, due.map(DueDate.Found::date).orElse(null)));
    }

    public boolean hasOwner() {
        return owner != null;
    }
}
