package reviewcoach.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one person's App Home shows: the sessions still open, their own open action items, what finished lately, and a
 * picture of the month (missing while it is first drawn). Private sessions appear only in their starter's own home.
 *
 * @param moreOpen true when there are more open sessions than listed
 * @param today the viewer's date, which decides what is overdue
 * @param month the month the picture covers, such as "December"
 */
public record Home(
        List<SessionLine> open,
        boolean moreOpen,
        List<ItemLine> myItems,
        List<SessionLine> recentlyFinished,
        Optional<PeriodPicture> picture,
        String month,
        LocalDate today) {

    public Home {
        open = List.copyOf(open);
        myItems = List.copyOf(myItems);
        recentlyFinished = List.copyOf(recentlyFinished);
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(today, "today");
    }
}
