package reviewcoach.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import reviewcoach.dialogue.ActionItem;

/**
 * An action item as it is kept: what the team agreed to, who owns it, when it is due, and whether it is done.
 *
 * @param id the store's id, or 0 for an item that was never stored (it has no Done button)
 * @param sessionId the session it came from
 * @param position its place in the session's list, from 1
 * @param description what will be done
 * @param owner the user id of who will do it, or null
 * @param due when it is due, or null
 * @param doneAt when it was marked done, or null while it is open
 * @param doneBy who marked it done, or null while it is open
 */
public record FollowUp(
        long id,
        long sessionId,
        int position,
        String description,
        String owner,
        LocalDate due,
        Instant doneAt,
        String doneBy) {

    public FollowUp {
        Objects.requireNonNull(description, "description");
        if ((doneAt == null) != (doneBy == null)) {
            throw new IllegalArgumentException("a done item knows when and by whom");
        }
    }

    /** An item read from the plan that is not (yet) stored. */
    public static FollowUp unstored(long sessionId, int position, ActionItem item) {
        return new FollowUp(0, sessionId, position, item.description(), item.owner(), item.due(), null, null);
    }

    public boolean isDone() {
        return doneAt != null;
    }

    public boolean isStored() {
        return id > 0;
    }

    public boolean hasOwner() {
        return owner != null;
    }

    /** True when the item is open and its due date has passed on {@code today}. */
    public boolean isOverdue(LocalDate today) {
        return !isDone() && due != null && due.isBefore(today);
    }
}
