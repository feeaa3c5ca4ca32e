package reviewcoach.bench;

/**
 * One measured phase: a workload against one server in one round.
 *
 * @param serverCpuSeconds CPU time the server process used during the phase (user + system)
 * @param generatorCpuSeconds CPU time the benchmark's own process used (load, fake Slack API)
 */
record Measurement(
        Workload workload,
        Target.Kind target,
        int round,
        HttpLoad.Result result,
        double serverCpuSeconds,
        double generatorCpuSeconds) {

    /** Server CPU per answered request, in microseconds. */
    double serverCpuMicrosPerRequest() {
        long answered = result.ok() + result.failures();
        return answered == 0 ? Double.NaN : serverCpuSeconds * 1e6 / answered;
    }

    String csv() {
        HttpLoad.Result r = result;
        return String.join(
                ",",
                workload.name(),
                target.name(),
                String.valueOf(round),
                String.format("%.1f", r.throughput()),
                String.format("%.2f", r.percentileMillis(50)),
                String.format("%.2f", r.percentileMillis(90)),
                String.format("%.2f", r.percentileMillis(99)),
                String.format("%.2f", r.percentileMillis(99.9)),
                String.format("%.2f", r.latencyMicros().getMaxValue() / 1000.0),
                String.valueOf(r.completed()),
                String.valueOf(r.failures()),
                String.format("%.2f", serverCpuSeconds),
                String.format("%.2f", generatorCpuSeconds),
                String.format("%.1f", serverCpuMicrosPerRequest()));
    }

    static String csvHeader() {
        return "workload,target,round,throughput_per_s,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,completed,failures,"
                + "server_cpu_s,generator_cpu_s,server_cpu_us_per_request";
    }
}
