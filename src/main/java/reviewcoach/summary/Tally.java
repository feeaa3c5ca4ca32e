package reviewcoach.summary;

import java.util.Objects;

/**
 * How many times one thing was counted, such as a feeling the team named.
 *
 * @param label what was counted, as people would read it
 * @param count how many times, at least 1
 */
public record Tally(String label, long count) {
    public Tally {
        Objects.requireNonNull(label, "label");
        if (count < 1) {
            throw new IllegalArgumentException("a tally counts at least once, got " + count);
        }
    }
}
