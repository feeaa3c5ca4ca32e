package reviewcoach.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoublePredicate;

/** The median of a few repeated figures and their range; immutable. */
record Spread(double median, double min, double max, int count) {

    static Spread of(List<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double value : values) {
            if (value != null && !value.isNaN()) {
                sorted.add(value);
            }
        }
        if (sorted.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** How many of the values pass, e.g. "4 of 5". */
    static String passing(List<Double> values, DoublePredicate passes) {
        long passed = values.stream().filter(v -> passes.test(v)).count();
        return passed + " of " + values.size();
    }

    /** {@code median (min–max)} with the given format for each figure, or the median alone for one value. */
    String format(String figure) {
        if (isEmpty()) {
            return "n/a";
        }
        String median = String.format(figure, this.median);
        return count == 1
                ? median
                : median + " (" + String.format(figure, min) + "–" + String.format(figure, max) + ")";
    }
}
