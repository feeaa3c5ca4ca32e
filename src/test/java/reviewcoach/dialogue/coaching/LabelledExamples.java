package reviewcoach.dialogue.coaching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Lines labelled by whether the coach should question them, read from {@code src/test/resources/coaching/<name>}
 * ({@code expected<TAB>text}, expected being {@code question}, {@code question:<tag>} or {@code fine}, {@code #}
 * comments), and how well a rule does on them. A tag says which kind of question a line is ("question:labeling").
 */
record LabelledExamples(String name, List<LabelledExamples.Example> examples) {

    record Example(boolean shouldQuestion, String text, int line, String tag) {}

    /** How a rule did: counts for "should question" as the positive class, and the lines it got wrong. */
    record Score(
            String name,
            int truePositives,
            int falsePositives,
            int falseNegatives,
            int trueNegatives,
            List<String> mistakes) {

        double precision() {
            return truePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        String report() {
            StringBuilder report = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%s: precision %.3f, recall %.3f (n=%d: %d questioned rightly, %d questioned wrongly,"
                            + " %d missed, %d accepted rightly)",
                    name,
                    precision(),
                    recall(),
                    truePositives + falsePositives + falseNegatives + trueNegatives,
                    truePositives,
                    falsePositives,
                    falseNegatives,
                    trueNegatives));
            mistakes.forEach(mistake ->
                    report.append(System.lineSeparator()).append("  ").append(mistake));
            return report.toString();
        }
    }

    static LabelledExamples load(String name) {
        String path = "/coaching/" + name;
        List<Example> examples = new ArrayList<>();
        try (InputStream in = LabelledExamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 2);
                String[] expected = columns[0].split(":", 2);
                if (columns.length != 2 || !(expected[0].equals("question") || columns[0].equals("fine"))) {
                    throw new IllegalStateException(path + ":" + number + " is not expected<TAB>text: " + line);
                }
                String tag = expected.length == 2 ? expected[1] : "";
                examples.add(new Example(expected[0].equals("question"), columns[1], number, tag));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledExamples(name, List.copyOf(examples));
    }

    long count(boolean shouldQuestion) {
        return examples.stream()
                .filter(e -> e.shouldQuestion() == shouldQuestion)
                .count();
    }

    Score score(String ruleName, Predicate<String> questions) {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int trueNegatives = 0;
        List<String> mistakes = new ArrayList<>();
        for (Example example : examples) {
            boolean questioned = questions.test(example.text());
            if (questioned && example.shouldQuestion()) {
                truePositives++;
            } else if (questioned) {
                falsePositives++;
                mistakes.add("questioned but fine (" + name + ":" + example.line() + "): " + example.text());
            } else if (example.shouldQuestion()) {
                falseNegatives++;
                mistakes.add("missed (" + name + ":" + example.line() + "): " + example.text());
            } else {
                trueNegatives++;
            }
        }
        return new Score(
                ruleName + " on " + name, truePositives, falsePositives, falseNegatives, trueNegatives, mistakes);
    }
}
