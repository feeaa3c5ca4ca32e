package reviewcoach.summary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One open action item as its owner's list shows it.
 *
 * @param dueDate when it is due, or null
 */
public record ItemLine(long id, long sessionId, String description, LocalDate dueDate) {

    public ItemLine {
        Objects.requireNonNull(description, "description");
    }

    /** Due before {@code today}. */
    public boolean isOverdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today);
    }
}
