package reviewcoach.summary;

import java.util.Objects;

/**
 * How many action items one person still has open, and how many of those are past their due date.
 *
 * @param owner a user id
 */
public record OwnerLoad(String owner, long open, long overdue) {
    public OwnerLoad {
        Objects.requireNonNull(owner, "owner");
        if (open < 1 || overdue < 0 || overdue > open) {
            throw new IllegalArgumentException("open " + open + " and overdue " + overdue + " do not fit");
        }
    }
}
