package reviewcoach.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts the feelings a team named, so that "Anxious", "anxious." and " anxious" count as one. */
public final class Feelings {

    /** The most feelings a picture shows; more would be reading, not looking. */
    public static final int SHOWN = 5;

    private static final int LONGEST_LABEL = 40;

    private Feelings() {}

    /**
     * The most common feelings, most common first (ties alphabetically), merged after normalising each line.
     *
     * @param lines each distinct line as written, with how many times it was written
     * @param limit how many to keep
     */
    public static List<Tally> mostCommon(Map<String, Long> lines, int limit) {
        Map<String, Long> merged = new LinkedHashMap<>();
        lines.forEach((line, count) -> {
            String feeling = normalise(line);
            if (!feeling.isEmpty() && count != null && count > 0) {
                merged.merge(feeling, count, Long::sum);
            }
        });
        List<Tally> tallies = new ArrayList<>();
        merged.forEach((feeling, count) -> tallies.add(new Tally(feeling, count)));
        tallies.sort(Comparator.comparingLong(Tally::count).reversed().thenComparing(Tally::label));
        return List.copyOf(tallies.subList(0, Math.min(limit, tallies.size())));
    }

    /** Lower case, without surrounding spaces and punctuation, and short enough to label a bar. */
    static String normalise(String line) {
        if (line == null) {
            return "";
        }
        String feeling = line.strip().toLowerCase(Locale.ROOT).replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
        feeling = feeling.replaceAll("\\s+", " ");
        return feeling.length() > LONGEST_LABEL ? feeling.substring(0, LONGEST_LABEL - 1) + "…" : feeling;
    }
}
