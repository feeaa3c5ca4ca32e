package reviewcoach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.testing.TestWorkspace;

/**
 * The benchmark of the issue "Speed and scale" (run it with {@code bench/run.sh}): starts the app's shaded jar on a
 * fresh H2 database beside a fast fake Slack Web API, and the two floors (a bare signature-checking servlet and a
 * minimal Bolt app), drives all three with signed Slack-shaped requests, and prints one table. Everything listens on
 * and sends to 127.0.0.1 only; every phase is bounded in time.
 *
 * <p>Exits 1 when a server answered anything but 200, or a workload completed no request: it checks that the benchmark
 * works, never how fast.
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.jar())) {
            System.err.println("no " + options.jar() + ": build it with mvn -B -q -DskipTests package");
            System.exit(2);
        }
        checkLinesAreAccepted();
        String machine = Machine.describe();
        BenchRun.progress("%s", machine);
        Path folder = Files.createTempDirectory("review-coach-bench");
        BenchResults results;
        try (BenchSlackApi slack = BenchSlackApi.start()) {
            Map<String, String> environment = Map.of(
                    "SLACK_SIGNING_SECRET", TestWorkspace.SIGNING_SECRET,
                    "SLACK_BOT_TOKEN", TestWorkspace.BOT_TOKEN,
                    "SLACK_API_URL", slack.apiUrl());
            List<Target> targets = List.of(
                    Target.app(options.jar(), options.javaOptions(), environment, folder)
                            .seededWith(url -> BenchSeed.seed(
                                    url,
                                    TestWorkspace.TEAM_ID,
                                    options.smoke() || !options.allPhases()
                                            ? BenchSeed.SMOKE_SESSIONS
                                            : BenchSeed.FULL_SESSIONS))
                            .onPostgres(options.postgresUrl()),
                    Target.floor(Target.Kind.BOLT, MinimalBoltApp.class, options.javaOptions(), environment, folder),
                    Target.floor(
                            Target.Kind.BARE, BareSignatureServer.class, options.javaOptions(), environment, folder));
            SlackTraffic traffic = new SlackTraffic(TestWorkspace.SIGNING_SECRET, slack.responseUrl());
            results = new BenchRun(options, slack, traffic, targets).run();
        } finally {
            deleteQuietly(folder);
        }
        String heading = "Review Coach benchmark, "
                + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")) + "\n\n"
                + machine + "\n\nDatabase: "
                + (options.postgresUrl() == null
                        ? "H2 (embedded), a fresh file per start"
                        : Machine.postgres(options.postgresUrl()) + " on loopback, its schema emptied per start")
                + "\n\nCommand: `" + options.describe() + "`\n\n"
                + (Files.isRegularFile(Target.classArchive(options.jar()))
                        ? "The app starts with `-XX:SharedArchiveFile=" + Target.classArchive(options.jar())
                                + "` (its class-data archive, as README.md runs it); the floors without.\n\n"
                        : "No class-data archive beside the jar: the app starts without one.\n\n");
        String table = Report.table(results, options);
        System.out.println();
        System.out.print(heading + table);
        write(options.out(), heading, table, results);
        System.exit(worked(results) ? 0 : 1);
    }

    /** Every contribution the benchmark sends must earn a reaction, or contribution-to-reaction times nothing. */
    private static void checkLinesAreAccepted() {
        Dialogue dialogue = new Dialogue(CoachingRules.standard());
        for (String line : SlackTraffic.ACCEPTED_LINES) {
            if (dialogue.assess(Step.first(), line).isPresent()) {
                throw new IllegalStateException("the coach now questions a benchmark line: " + line);
            }
        }
    }

    private static boolean worked(BenchResults results) {
        boolean worked = true;
        for (Measurement m : results.measurements()) {
            if (m.result().failures() > 0 || m.result().completed() == 0) {
                BenchRun.progress(
                        "FAILED: %s on %s: %d completed, %d failed",
                        m.workload().title,
                        m.target().title,
                        m.result().completed(),
                        m.result().failures());
                worked = false;
            }
        }
        for (BenchResults.ReactionRound round : results.reactions()) {
            if (round.ack().failures() > 0 || round.sent() == 0) {
                BenchRun.progress(
                        "FAILED: contributions at a fixed rate: %d failed",
                        round.ack().failures());
                worked = false;
            }
        }
        return worked;
    }

    private static void write(Path out, String heading, String table, BenchResults results) throws IOException {
        Files.createDirectories(out);
        Files.writeString(
                out.resolve("results.md"), heading + table + "\n## Every measured phase\n\n" + Report.phases(results));
        StringBuilder csv = new StringBuilder(Measurement.csvHeader()).append('\n');
        results.measurements().forEach(m -> csv.append(m.csv()).append('\n'));
        Files.writeString(out.resolve("phases.csv"), csv);
        BenchRun.progress("wrote %s and %s", out.resolve("results.md"), out.resolve("phases.csv"));
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it eventually
        }
    }
}
