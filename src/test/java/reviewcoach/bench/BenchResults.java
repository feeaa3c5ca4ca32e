package reviewcoach.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything one benchmark run measured, for the report.
 *
 * @param measurements every measured phase, warm-up excluded
 * @param startMillis each server's timed starts to a healthy {@code /healthz}, in the order taken
 * @param reactions the contribution-to-reaction rounds
 * @param drains how the app caught up with what it owed Slack after each phase that made it owe something
 * @param peakResidentMb each server's highest resident memory over the whole run
 * @param homes the App Home rounds: {@code app_home_opened} at a fixed rate, timed to its {@code views.publish}
 */
record BenchResults(
        List<Measurement> measurements,
        Map<Target.Kind, List<Double>> startMillis,
        List<ReactionRound> reactions,
        List<Drain> drains,
        Map<Target.Kind, Double> peakResidentMb,
        List<ReactionRound> homes) {

    /**
     * One round of contributions at a fixed rate, timed from when each was due to when its reaction reached the fake
     * Slack Web API.
     *
     * @param sent contributions the app acknowledged with 200
     * @param arrived reactions that arrived before the benchmark stopped waiting
     * @param latencyMicros due-to-reaction latency of those that arrived
     * @param ack the acknowledgements of the same requests
     */
    record ReactionRound(int round, long sent, long arrived, Histogram latencyMicros, HttpLoad.Result ack) {
        double p99Millis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    /**
     * The app catching up on Slack Web API calls it owed after a phase.
     *
     * @param calls calls it still owed when the phase ended
     * @param complete false when the benchmark stopped waiting at the drain limit
     */
    record Drain(String after, long calls, double seconds, boolean complete) {
        double perSecond() {
            return seconds <= 0 ? Double.NaN : calls / seconds;
        }
    }
}
