package reviewcoach.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.ToDoubleFunction;

/**
 * Turns a run's results into the one table: every target from the issue "Speed and scale", the app's figure as the
 * median over rounds with its range, the same figure as a ratio to each floor (paired within a round, then the
 * median), and whether the target was met, with how many rounds met it.
 */
final class Report {

    private static final String HEADER = "| workload | target | Review Coach: median (range) | × minimal Bolt | × bare"
            + " servlet | met? (rounds) |\n|---|---|---|---|---|---|\n";

    private final BenchResults results;
    private final StringBuilder table = new StringBuilder(HEADER);

    private Report(BenchResults results) {
        this.results = results;
    }

    static String table(BenchResults results, BenchOptions options) {
        Report report = new Report(results);
        report.channelMessages(options.connections());
        report.foreignReplies();
        report.contributions(options.postgresUrl() != null);
        report.reactions(options.reactionRate());
        report.review(options.reviewConnections());
        report.start(options.postgresUrl() != null);
        report.memory(options);
        report.courier();
        report.list(options.reviewConnections());
        report.homes();
        return report.table.toString();
    }

    private void channelMessages(int connections) {
        Workload w = Workload.CHANNEL_MESSAGES;
        throughputRow(w, "throughput, " + connections + " connections", "≥ 80% of minimal Bolt", ratio -> ratio >= 0.8);
        latencyRow(w, "p99 ack, " + connections + " concurrent", "≤ 15 ms", 15);
    }

    private void foreignReplies() {
        Workload w = Workload.FOREIGN_REPLIES;
        throughputRow(w, "throughput", "≥ 50% of minimal Bolt", ratio -> ratio >= 0.5);
        latencyRow(w, "p99 ack", "—", Double.NaN);
    }

    /** The floor: 3,000/s on the embedded H2, 1,500/s on PostgreSQL. */
    private void contributions(boolean postgres) {
        Workload w = Workload.CONTRIBUTIONS;
        double floor = postgres ? 1500 : 3000;
        List<Double> throughput = values(w, Target.Kind.APP, m -> m.result().throughput());
        row(
                w.title + " (stored before ack, " + (postgres ? "PostgreSQL" : "H2") + "): throughput",
                String.format("≥ %,.0f/s", floor),
                Spread.of(throughput).format("%,.0f/s"),
                Spread.of(ratios(w, Target.Kind.BOLT, m -> m.result().throughput()))
                        .format("%.2f×"),
                Spread.of(ratios(w, Target.Kind.BARE, m -> m.result().throughput()))
                        .format("%.2f×"),
                verdict(throughput, v -> v >= floor));
        latencyRow(w, "p99 ack", "≤ 50 ms", 50);
    }

    private void reactions(double rate) {
        List<Double> p99 = new ArrayList<>();
        long sent = 0;
        long arrived = 0;
        for (BenchResults.ReactionRound round : results.reactions()) {
            p99.add(round.p99Millis());
            sent += round.sent();
            arrived += round.arrived();
        }
        String measured = Spread.of(p99).format("%.1f ms") + "; " + arrived + " of " + sent + " reactions arrived";
        row(
                "contribution → its reaction arriving at the Slack API, " + (int) rate + "/s: p99",
                "≤ 150 ms",
                measured,
                "",
                "",
                verdict(p99, v -> v <= 150) + (arrived < sent ? "; some never arrived" : ""));
    }

    private void review(int connections) {
        Workload w = Workload.REVIEW;
        latencyRow(w, "p99 ack, " + connections + " concurrent", "≤ 25 ms", 25);
        throughputRow(w, "throughput, " + connections + " concurrent", "—", null);
    }

    private void list(int connections) {
        latencyRow(Workload.LIST, "p99 ack, " + connections + " concurrent", "≤ 50 ms", 50);
    }

    private void homes() {
        List<Double> p99 = new ArrayList<>();
        long sent = 0;
        long arrived = 0;
        for (BenchResults.ReactionRound round : results.homes()) {
            p99.add(round.p99Millis());
            sent += round.sent();
            arrived += round.arrived();
        }
        row(
                "App Home, 100,000 sessions and 1,000,000 contributions stored: app_home_opened → views.publish, p99",
                "≤ 50 ms",
                Spread.of(p99).format("%.1f ms") + "; " + arrived + " of " + sent + " published",
                "",
                "",
                verdict(p99, v -> v <= 50) + (arrived < sent ? "; some never published" : ""));
    }

    private void start(boolean postgres) {
        List<Double> app = results.startMillis().getOrDefault(Target.Kind.APP, List.of());
        List<Double> toBolt = paired(app, results.startMillis().get(Target.Kind.BOLT));
        List<Double> toBare = paired(app, results.startMillis().get(Target.Kind.BARE));
        row(
                "start to /healthz 200 (fresh " + (postgres ? "PostgreSQL schema" : "H2 database") + ")",
                "≤ 1.3× minimal Bolt",
                Spread.of(app).format("%,.0f ms"),
                Spread.of(toBolt).format("%.2f×"),
                Spread.of(toBare).format("%.2f×"),
                verdict(toBolt, v -> v <= 1.3));
    }

    private void memory(BenchOptions options) {
        Map<Target.Kind, Double> peaks = results.peakResidentMb();
        double app = peaks.getOrDefault(Target.Kind.APP, Double.NaN);
        String flags = options.javaOptions().isEmpty()
                ? "no JVM flags but the app's class-data archive, as README.md's first command starts it"
                : String.join(" ", options.javaOptions());
        row(
                "resident memory, peak over the whole run (" + flags + ")",
                "≤ 350 MB",
                String.format("%.0f MB", app),
                String.format("%.2f×", app / peaks.getOrDefault(Target.Kind.BOLT, Double.NaN)),
                String.format("%.2f×", app / peaks.getOrDefault(Target.Kind.BARE, Double.NaN)),
                app <= 350 ? "met" : "**missed**");
    }

    private void courier() {
        List<Double> afterContributions = new ArrayList<>();
        for (BenchResults.Drain drain : results.drains()) {
            if (drain.after().startsWith(Workload.CONTRIBUTIONS.title) && drain.seconds() > 0.5) {
                afterContributions.add(drain.perSecond());
            }
        }
        row(
                "(context) reactions the app sends per second while catching up after a contributions phase",
                "—",
                Spread.of(afterContributions).format("%,.0f/s"),
                "",
                "",
                "");
    }

    private void throughputRow(Workload w, String what, String target, DoublePredicate ratioPasses) {
        List<Double> toBolt = ratios(w, Target.Kind.BOLT, m -> m.result().throughput());
        row(
                w.title + ": " + what,
                target,
                Spread.of(values(w, Target.Kind.APP, m -> m.result().throughput()))
                        .format("%,.0f/s"),
                Spread.of(toBolt).format("%.2f×"),
                Spread.of(ratios(w, Target.Kind.BARE, m -> m.result().throughput()))
                        .format("%.2f×"),
                ratioPasses == null ? "" : verdict(toBolt, ratioPasses));
    }

    private void latencyRow(Workload w, String what, String target, double limitMillis) {
        List<Double> p99 = values(w, Target.Kind.APP, m -> m.result().p99Millis());
        row(
                w.title + ": " + what,
                target,
                Spread.of(p99).format("%.1f ms"),
                Spread.of(ratios(w, Target.Kind.BOLT, m -> m.result().p99Millis()))
                        .format("%.2f×"),
                Spread.of(ratios(w, Target.Kind.BARE, m -> m.result().p99Millis()))
                        .format("%.2f×"),
                Double.isNaN(limitMillis) ? "" : verdict(p99, v -> v <= limitMillis));
    }

    private static String verdict(List<Double> values, DoublePredicate passes) {
        Spread spread = Spread.of(values);
        if (spread.isEmpty()) {
            return "n/a";
        }
        String word = passes.test(spread.median()) ? "met" : "**missed**";
        return word + " (" + Spread.passing(values, passes) + ")";
    }

    private List<Double> values(Workload w, Target.Kind kind, ToDoubleFunction<Measurement> figure) {
        List<Double> values = new ArrayList<>();
        for (Measurement m : results.measurements()) {
            if (m.workload() == w && m.target() == kind) {
                values.add(figure.applyAsDouble(m));
            }
        }
        return values;
    }

    /** The app's figure divided by the floor's, round by round. */
    private List<Double> ratios(Workload w, Target.Kind floor, ToDoubleFunction<Measurement> figure) {
        return paired(values(w, Target.Kind.APP, figure), values(w, floor, figure));
    }

    private static List<Double> paired(List<Double> app, List<Double> floor) {
        List<Double> ratios = new ArrayList<>();
        if (floor == null) {
            return ratios;
        }
        for (int i = 0; i < Math.min(app.size(), floor.size()); i++) {
            ratios.add(app.get(i) / floor.get(i));
        }
        return ratios;
    }

    private void row(String workload, String target, String measured, String toBolt, String toBare, String verdict) {
        table.append("| ")
                .append(String.join(" | ", workload, target, measured, toBolt, toBare, verdict))
                .append(" |\n");
    }

    /** Every measured phase, one line each, for the detail section of results.md. */
    static String phases(BenchResults results) {
        StringBuilder detail = new StringBuilder(
                "| round | workload | server | req/s | p50 ms | p99 ms | max ms | failed | server CPU µs/req |"
                        + " server CPU | generator CPU |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : results.measurements()) {
            HttpLoad.Result r = m.result();
            detail.append(String.format(
                    "| %d | %s | %s | %,.0f | %.2f | %.2f | %.1f | %d | %.0f | %.2f s | %.2f s |%n",
                    m.round(),
                    m.workload().title,
                    m.target().title,
                    r.throughput(),
                    r.percentileMillis(50),
                    r.p99Millis(),
                    r.latencyMicros().getMaxValue() / 1000.0,
                    r.failures(),
                    m.serverCpuMicrosPerRequest(),
                    m.serverCpuSeconds(),
                    m.generatorCpuSeconds()));
        }
        return detail.toString();
    }
}
