package reviewcoach.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs the benchmark's sequence: timed starts, then all three servers up at once, 100 sessions opened in the app, a
 * warm-up of each server, and rounds of every workload on every server (order rotated each round) with the app
 * catching up on what it owes Slack after each of its phases, and one contribution-to-reaction phase per round.
 */
final class BenchRun {

    private static final int OPEN_SESSIONS = 100;
    /** App Home openings per second: a busy office's people opening the tab, well within two publishers' pace. */
    private static final double HOME_RATE = 50;

    private static final long PROCESS_ID = ProcessHandle.current().pid();

    private final BenchOptions options;
    private final BenchSlackApi slack;
    private final SlackTraffic traffic;
    private final List<Target> targets;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<BenchResults.ReactionRound> reactions = new ArrayList<>();
    private final List<BenchResults.ReactionRound> homes = new ArrayList<>();
    private final List<BenchResults.Drain> drains = new ArrayList<>();
    private List<SlackTraffic.ThreadRef> sessionThreads = List.of();
    private long owedPosts;
    private long owedReactions;

    /**
     * @param targets the app first, then the floors
     */
    BenchRun(BenchOptions options, BenchSlackApi slack, SlackTraffic traffic, List<Target> targets) {
        this.options = options;
        this.slack = slack;
        this.traffic = traffic;
        this.targets = targets;
    }

    BenchResults run() throws Exception {
        Map<Target.Kind, List<Double>> starts = timeStarts();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "memory-sampler");
            thread.setDaemon(true);
            return thread;
        });
        Map<Target.Kind, Double> peaks = new EnumMap<>(Target.Kind.class);
        try {
            for (Target target : targets) {
                target.start(0);
            }
            sampler.scheduleAtFixedRate(() -> targets.forEach(Target::residentKb), 0, 200, TimeUnit.MILLISECONDS);
            openSessions();
            warmUp();
            for (int round = 1; round <= options.rounds(); round++) {
                runRound(round);
            }
            for (Target target : targets) {
                peaks.put(target.kind, target.peakResidentKb() / 1024.0);
            }
        } finally {
            sampler.shutdownNow();
            for (Target target : targets) {
                target.close();
            }
        }
        return new BenchResults(measurements, starts, reactions, drains, peaks, homes);
    }

    private Map<Target.Kind, List<Double>> timeStarts() throws Exception {
        Map<Target.Kind, List<Double>> starts = new EnumMap<>(Target.Kind.class);
        for (int number = 1; number <= options.starts(); number++) {
            for (Target target : rotated(number)) {
                Duration took = target.start(number);
                target.close();
                starts.computeIfAbsent(target.kind, kind -> new ArrayList<>()).add(took.toNanos() / 1e6);
                progress("start %d of %s: %.0f ms", number, target.kind.title, took.toNanos() / 1e6);
            }
        }
        return starts;
    }

    /** Opens the sessions that contributions go to, through {@code /review} like a team would. */
    private void openSessions() throws InterruptedException {
        Target app = app();
        RequestSource commands = traffic.reviewCommands(app.port(), SlackTraffic.SESSIONS_CHANNEL, true);
        for (int i = 0; i < OPEN_SESSIONS; i++) {
            int status = HttpLoad.sendOnce(app.port(), commands.next().bytes());
            if (status != 200) {
                throw new IllegalStateException("/review answered " + status + " while opening sessions");
            }
        }
        owedPosts += 2L * OPEN_SESSIONS;
        drain("opening " + OPEN_SESSIONS + " sessions");
        sessionThreads = slack.threadsInChannelsStartingWith(SlackTraffic.SESSIONS_CHANNEL);
        if (sessionThreads.size() < OPEN_SESSIONS) {
            throw new IllegalStateException("only " + sessionThreads.size() + " sessions opened their thread");
        }
        progress("%d sessions open", sessionThreads.size());
    }

    private void warmUp() throws InterruptedException {
        Duration slice =
                Duration.ofMillis(Math.max(500, Math.min(5000, options.warmup().toMillis() / 8)));
        for (Target target : targets) {
            long until = System.nanoTime() + options.warmup().toNanos();
            progress(
                    "warming up %s for %d s",
                    target.kind.title, options.warmup().toSeconds());
            do {
                for (Workload workload : options.only()) {
                    measure(target, workload, slice, 0);
                }
            } while (System.nanoTime() < until);
            if (target.kind == Target.Kind.APP && options.allPhases()) {
                warmUpHomes(target);
            }
            if (target.kind == Target.Kind.APP) {
                drain("warm-up");
            }
        }
    }

    /**
     * Opens homes (of people the measured phase never uses) for a few seconds, so that the App Home is measured on warm
     * code like every other workload, not on its first, interpreted run.
     */
    private void warmUpHomes(Target app) {
        Duration homes = Duration.ofMillis(
                Math.max(1000, Math.min(10_000, options.warmup().toMillis() / 3)));
        progress("warming up the App Home of %s for %d s", app.kind.title, homes.toSeconds());
        HttpLoad.openLoop(
                app.port(),
                options.reviewConnections(),
                HOME_RATE,
                homes,
                traffic.homeOpenings(app.port()),
                (key, dueNanos) -> {});
    }

    private void runRound(int round) throws InterruptedException {
        for (Workload workload : options.only()) {
            for (Target target : rotated(round)) {
                Measurement measured = measure(target, workload, options.duration(), round);
                measurements.add(measured);
                HttpLoad.Result result = measured.result();
                progress(
                        "round %d %-48s %-20s %9.0f/s p99 %7.2f ms (%d failed) cpu %.0f us/req",
                        round,
                        workload.title,
                        target.kind.title,
                        result.throughput(),
                        result.p99Millis(),
                        result.failures(),
                        measured.serverCpuMicrosPerRequest());
                if (target.kind == Target.Kind.APP) {
                    drain(workload.title + ", round " + round);
                }
            }
        }
        if (options.allPhases()) {
            measureReactions(round);
            measureHomes(round);
        }
    }

    /** App Home openings at a fixed rate, each timed from when it was due to when its view reached Slack. */
    private void measureHomes(int round) throws InterruptedException {
        Target app = app();
        Map<String, Long> due = new ConcurrentHashMap<>();
        slack.recordPublishes();
        HttpLoad.Result ack = HttpLoad.openLoop(
                app.port(),
                options.reviewConnections(),
                HOME_RATE,
                options.duration(),
                traffic.homeOpenings(app.port()),
                (key, dueNanos) -> due.put(key, dueNanos));
        long limit = System.nanoTime() + options.drainLimit().toNanos();
        while (slack.recordedPublishes().size() < ack.ok() && System.nanoTime() < limit) {
            Thread.sleep(10);
        }
        Map<String, Long> arrivals = slack.recordedPublishes();
        Histogram latency = HttpLoad.newHistogram();
        long arrived = 0;
        for (Map.Entry<String, Long> sent : due.entrySet()) {
            Long at = arrivals.get(sent.getKey());
            if (at != null) {
                arrived++;
                latency.recordValue(Math.max(0, (at - sent.getValue()) / 1000));
            }
        }
        BenchResults.ReactionRound measured = new BenchResults.ReactionRound(round, ack.ok(), arrived, latency, ack);
        homes.add(measured);
        progress(
                "round %d app_home_opened -> views.publish at %.0f/s: p50 %.1f ms p99 %.1f ms, %d of %d published",
                round, HOME_RATE, latency.getValueAtPercentile(50) / 1000.0, measured.p99Millis(), arrived, ack.ok());
    }

    private Measurement measure(Target target, Workload workload, Duration duration, int round) {
        int port = target.port();
        int connections = workload == Workload.REVIEW || workload == Workload.LIST
                ? options.reviewConnections()
                : options.connections();
        double serverCpu = target.cpuSeconds();
        double ownCpu = Target.cpuSecondsOf(PROCESS_ID);
        HttpLoad.Result result =
                HttpLoad.closedLoop(port, connections, options.loadThreads(), duration, () -> source(workload, port));
        Measurement measured = new Measurement(
                workload,
                target.kind,
                round,
                result,
                target.cpuSeconds() - serverCpu,
                Target.cpuSecondsOf(PROCESS_ID) - ownCpu);
        if (target.kind == Target.Kind.APP) {
            if (workload == Workload.CONTRIBUTIONS) {
                owedReactions += result.ok();
            } else if (workload == Workload.REVIEW) {
                owedPosts += 2 * result.ok();
            }
        }
        return measured;
    }

    private RequestSource source(Workload workload, int port) {
        return switch (workload) {
            case CHANNEL_MESSAGES -> traffic.channelMessages(port);
            case FOREIGN_REPLIES -> traffic.foreignThreadReplies(port);
            case CONTRIBUTIONS -> traffic.contributions(port, sessionThreads);
            case REVIEW -> traffic.reviewCommands(port, SlackTraffic.CHANNEL, true);
            case LIST -> traffic.listCommands(port, BenchSeed.LIST_CHANNEL);
        };
    }

    /** Contributions at a fixed rate, each timed from when it was due to when its reaction reached Slack. */
    private void measureReactions(int round) throws InterruptedException {
        Target app = app();
        Map<String, Long> due = new ConcurrentHashMap<>();
        slack.recordReactions();
        HttpLoad.Result ack = HttpLoad.openLoop(
                app.port(),
                options.reviewConnections(),
                options.reactionRate(),
                options.duration(),
                traffic.contributions(app.port(), sessionThreads),
                (key, dueNanos) -> due.put(key, dueNanos));
        owedReactions += ack.ok();
        drain("contributions at " + (int) options.reactionRate() + "/s, round " + round);
        Map<String, Long> arrivals = slack.recordedReactions();
        Histogram latency = HttpLoad.newHistogram();
        long arrived = 0;
        for (Map.Entry<String, Long> sent : due.entrySet()) {
            Long at = arrivals.get(sent.getKey());
            if (at != null) {
                arrived++;
                latency.recordValue(Math.max(0, (at - sent.getValue()) / 1000));
            }
        }
        BenchResults.ReactionRound measured = new BenchResults.ReactionRound(round, ack.ok(), arrived, latency, ack);
        reactions.add(measured);
        progress(
                "round %d contribution -> reaction at %.0f/s: p50 %.1f ms p99 %.1f ms max %.1f ms, %d of %d arrived",
                round,
                options.reactionRate(),
                latency.getValueAtPercentile(50) / 1000.0,
                measured.p99Millis(),
                latency.getMaxValue() / 1000.0,
                arrived,
                ack.ok());
    }

    /** Waits until the fake Slack API has every call the app owes it, or the drain limit passes. */
    private void drain(String after) throws InterruptedException {
        long owedAtStart = owed();
        long begin = System.nanoTime();
        long limit = begin + options.drainLimit().toNanos();
        while (owed() > 0 && System.nanoTime() < limit) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        boolean complete = owed() <= 0;
        if (owedAtStart > 0) {
            drains.add(new BenchResults.Drain(after, owedAtStart, seconds, complete));
            progress(
                    "  app sent %d owed Slack calls in %.1f s (%.0f/s)%s",
                    owedAtStart - Math.max(0, owed()),
                    seconds,
                    (owedAtStart - Math.max(0, owed())) / seconds,
                    complete ? "" : "; STOPPED WAITING with " + owed() + " still owed");
        }
    }

    private long owed() {
        return Math.max(0, owedPosts - slack.posts()) + Math.max(0, owedReactions - slack.reactions());
    }

    private Target app() {
        return targets.get(0);
    }

    /** The servers in the order for a round: rotated by one each round, so no server always goes first. */
    private List<Target> rotated(int round) {
        List<Target> order = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            order.add(targets.get((i + round - 1) % targets.size()));
        }
        return order;
    }

    static void progress(String format, Object... values) {
        System.err.printf("[bench] " + format + "%n", values);
    }
}
