package reviewcoach.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the benchmark runs, from its command line. The defaults produce the real table; {@code --smoke} runs every
 * workload for about two seconds after a one-second warm-up, to prove the benchmark works.
 */
record BenchOptions(
        Duration duration,
        Duration warmup,
        int rounds,
        int starts,
        Duration drainLimit,
        double reactionRate,
        int connections,
        int reviewConnections,
        int loadThreads,
        Path jar,
        Path out,
        List<String> javaOptions,
        boolean smoke,
        String postgresUrl,
        Set<Workload> only) {

    static final String USAGE = String.join(
            "\n",
            "usage: bench/run.sh [--smoke] [--duration S] [--warmup S] [--rounds N] [--starts N] [--java-opts '...']",
            "  --smoke          every workload ~2 s after a 1 s warm-up, one round, one start each (checks it works)",
            "  --duration S     seconds per measured phase (default 10)",
            "  --warmup S       seconds of warm-up per server before measuring (default 90; at least 30 for real figures)",
            "  --rounds N       rounds of every workload on every server, order rotated each round (default 5)",
            "  --starts N       timed starts of each server, alternated (default 5)",
            "  --drain-limit S  longest wait for the app to send what it owes Slack between phases (default 300)",
            "  --reaction-rate R  contributions per second when timing contribution -> reaction (default 200)",
            "  --connections N  concurrent connections for event workloads (default 64; /review uses 16)",
            "  --java-opts '...'  JVM flags for all three servers (default: none; the app also gets its class-data archive,",
            "                   target/review-coach.jsa, when the build made one, as README.md starts it)",
            "  --jar PATH       the app's shaded jar (default target/review-coach.jar)",
            "  --out DIR        where results.md and phases.csv go (default target/bench)",
            "  --postgres URL   run the app on this PostgreSQL database instead of a fresh H2 file; its public schema is",
            "                   dropped and made again before each start (jdbc:postgresql://host/db?user=u&password=p)",
            "  --only W,W       for quick comparisons while developing: only these workloads (channel_messages,",
            "                   foreign_replies, contributions, review, list), no reaction or App Home phases, small seed",
            "  --skip-build     (bench/run.sh only) use the jar and classes already built");

    static BenchOptions parse(String... args) {
        Duration duration = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(90);
        int rounds = 5;
        int starts = 5;
        Duration drainLimit = Duration.ofSeconds(300);
        double reactionRate = 200;
        int connections = 64;
        Path jar = Path.of("target/review-coach.jar");
        Path out = Path.of("target/bench");
        List<String> javaOptions = List.of();
        boolean smoke = false;
        String postgresUrl = null;
        Set<Workload> only = EnumSet.allOf(Workload.class);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--smoke")) {
                smoke = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--duration" -> duration = seconds(option, value);
                case "--warmup" -> warmup = seconds(option, value);
                case "--rounds" -> rounds = positive(option, value);
                case "--starts" -> starts = positive(option, value);
                case "--drain-limit" -> drainLimit = seconds(option, value);
                case "--reaction-rate" -> reactionRate = positive(option, value);
                case "--connections" -> connections = positive(option, value);
                case "--jar" -> jar = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--postgres" -> postgresUrl = postgres(value);
                case "--only" -> only = workloads(value);
                case "--java-opts" ->
                    javaOptions = value.isBlank()
                            ? List.of()
                            : Arrays.asList(value.strip().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (smoke) {
            duration = Duration.ofSeconds(2);
            warmup = Duration.ofSeconds(1);
            rounds = 1;
            starts = 1;
            drainLimit = Duration.ofSeconds(60);
        }
        return new BenchOptions(
                duration,
                warmup,
                rounds,
                starts,
                drainLimit,
                reactionRate,
                connections,
                16,
                2,
                jar,
                out,
                javaOptions,
                smoke,
                postgresUrl,
                only);
    }

    private static Set<Workload> workloads(String names) {
        Set<Workload> chosen = EnumSet.noneOf(Workload.class);
        for (String name : names.split(",")) {
            try {
                chosen.add(Workload.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("--only names no workload " + name + "\n" + USAGE);
            }
        }
        return chosen;
    }

    /** Whether this run measures every phase (not {@code --only} some workloads). */
    boolean allPhases() {
        return only.size() == Workload.values().length;
    }

    private static String postgres(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--postgres needs a jdbc:postgresql:// URL, got " + url + "\n" + USAGE);
        }
        return url;
    }

    private static Duration seconds(String option, String text) {
        double seconds = Double.parseDouble(text);
        if (!(seconds > 0)) {
            throw new IllegalArgumentException(
                    option + " needs a number of seconds above 0, got " + text + "\n" + USAGE);
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private static int positive(String option, String text) {
        int number = Integer.parseInt(text);
        if (number < 1) {
            throw new IllegalArgumentException(option + " needs a number above 0, got " + text + "\n" + USAGE);
        }
        return number;
    }

    /** The options as a command line, for the report. */
    String describe() {
        return smoke
                ? "bench/run.sh --smoke"
                : "bench/run.sh --duration " + duration.toSeconds() + " --warmup " + warmup.toSeconds() + " --rounds "
                        + rounds + " --starts " + starts
                        + (allPhases()
                                ? ""
                                : " --only "
                                        + only.toString()
                                                .replaceAll("[\\[\\] ]", "")
                                                .toLowerCase(Locale.ROOT))
                        + (javaOptions.isEmpty() ? "" : " --java-opts '" + String.join(" ", javaOptions) + "'")
                        + (postgresUrl == null
                                ? ""
                                : " --postgres " + postgresUrl.replaceAll("password=[^&]*", "password=…"));
    }
}
