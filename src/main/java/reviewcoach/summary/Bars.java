package reviewcoach.summary;

import java.util.ArrayList;
import java.util.List;

/** Scales counts to bar lengths, so that a picture shows at a glance which is most common. */
public final class Bars {

    /** The longest bar, in squares: long enough to compare, short enough for a phone. */
    public static final int WIDTH = 10;

    private Bars() {}

    /**
     * One length per tally, from 1 to {@code width}: the largest count gets the whole width, the others their share,
     * rounded, and never less than one square, so that every feeling named is seen.
     */
    public static List<Integer> lengths(List<Tally> tallies, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a bar is at least one square wide, got " + width);
        }
        long largest = 0;
        for (Tally tally : tallies) {
            largest = Math.max(largest, tally.count());
        }
        List<Integer> lengths = new ArrayList<>(tallies.size());
        for (Tally tally : tallies) {
            long scaled = Math.round((double) tally.count() * width / largest);
            lengths.add((int) Math.max(1, Math.min(width, scaled)));
        }
        return List.copyOf(lengths);
    }
}
