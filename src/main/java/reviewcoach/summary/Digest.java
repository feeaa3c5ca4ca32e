package reviewcoach.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The managers' weekly look back: reviews processed, who still has action items open (and overdue), how long
 * finishing took, and the feelings before and after. Private sessions are never in it.
 *
 * @param from the start of the period, inclusive
 * @param to the end of the period, exclusive
 * @param today the date at the end of the period, in the digest's time zone
 */
public record Digest(Instant from, Instant to, LocalDate today, PeriodPicture picture, List<OwnerLoad> owners) {

    public Digest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(picture, "picture");
        owners = List.copyOf(owners);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a digest's period ends after it starts");
        }
    }

    public long openItems() {
        return owners.stream().mapToLong(OwnerLoad::open).sum();
    }

    public long overdueItems() {
        return owners.stream().mapToLong(OwnerLoad::overdue).sum();
    }
}
