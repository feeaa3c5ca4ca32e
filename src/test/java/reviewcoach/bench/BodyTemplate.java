package reviewcoach.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A request body with marked holes, split once so that filling it costs one pass of appends; immutable and
 * thread-safe. Built from bodies made by the test helpers, so the shape stays Slack's.
 */
final class BodyTemplate {

    private final List<String> literals;
    private final int[] holes;
    private final int markerCount;

    private BodyTemplate(List<String> literals, int[] holes, int markerCount) {
        this.literals = literals;
        this.holes = holes;
        this.markerCount = markerCount;
    }

    /** Splits {@code text} at every occurrence of each marker; every marker must occur at least once. */
    static BodyTemplate compile(String text, String... markers) {
        List<String> literals = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        boolean[] seen = new boolean[markers.length];
        int from = 0;
        while (true) {
            int nearest = -1;
            int nearestAt = Integer.MAX_VALUE;
            for (int m = 0; m < markers.length; m++) {
                int at = text.indexOf(markers[m], from);
                if (at >= 0 && at < nearestAt) {
                    nearest = m;
                    nearestAt = at;
                }
            }
            if (nearest < 0) {
                literals.add(text.substring(from));
                break;
            }
            literals.add(text.substring(from, nearestAt));
            holes.add(nearest);
            seen[nearest] = true;
            from = nearestAt + markers[nearest].length();
        }
        for (int m = 0; m < markers.length; m++) {
            if (!seen[m]) {
                throw new IllegalArgumentException("marker " + markers[m] + " does not occur in " + text);
            }
        }
        return new BodyTemplate(
                List.copyOf(literals),
                holes.stream().mapToInt(Integer::intValue).toArray(),
                markers.length);
    }

    /** The body with each marker replaced by the value at its index. */
    String fill(String... values) {
        if (values.length != markerCount) {
            throw new IllegalArgumentException("expected " + markerCount + " values, got " + values.length);
        }
        StringBuilder body = new StringBuilder(literals.get(0).length() * 2 + 64);
        body.append(literals.get(0));
        for (int i = 0; i < holes.length; i++) {
            body.append(values[holes[i]]).append(literals.get(i + 1));
        }
        return body.toString();
    }
}
