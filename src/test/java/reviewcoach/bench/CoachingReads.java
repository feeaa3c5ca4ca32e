package reviewcoach.bench;

import java.util.ArrayList;
import java.util.List;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.Reading;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.CoachingRules;

/**
 * What the coach costs for one line, without HTTP or a database: one thread reads lines as the request threads do
 * for every message in a session ({@link Dialogue#read}: the care check and the step's coaching rules), and prints the
 * microseconds per line for each round. The lines are the end-to-end benchmark's accepted circumstances and a few that
 * make the rules work harder (judgments, typed apostrophes, stretched letters, a feeling). Run with
 * {@code bench/run.sh --coaching}.
 */
final class CoachingReads {

    private static final List<String> HARDER_LINES = List.of(
            "This review is so unfair and they clearly hate us, she’s lying about the wait!",
            "I feel sooo frustrated and honestly don’t know what to say to them anymore",
            "The reviewer wrote “rude staff” and “never again” on Monday at 10:05.");

    /** One round: how many lines were read and how long it took. */
    record Round(int lines, long nanos, long checksum) {
        double microsPerLine() {
            return nanos / 1000.0 / lines;
        }
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.println(Machine.describe());
        for (Round round : run(lines, rounds)) {
            System.out.printf("%,d lines: %.2f µs each%n", round.lines(), round.microsPerLine());
        }
    }

    /** The first rounds warm the JIT compiler up; read the later ones. */
    static List<Round> run(int lines, int rounds) {
        List<String> texts = new ArrayList<>(SlackTraffic.ACCEPTED_LINES);
        texts.addAll(HARDER_LINES);
        Dialogue dialogue = new Dialogue(CoachingRules.standard());
        Step[] steps = Step.values();
        List<Round> done = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long checksum = 0;
            long start = System.nanoTime();
            for (int i = 0; i < lines; i++) {
                // Every other line at the first step, where the benchmark's lines are; the rest across all steps.
                Step step = i % 2 == 0 ? Step.first() : steps[(i / 2) % steps.length];
                Reading reading = dialogue.read(step, texts.get(i % texts.size()));
                checksum += reading.hashCode();
            }
            done.add(new Round(lines, System.nanoTime() - start, checksum));
        }
        return done;
    }

    private CoachingReads() {}
}
