#!/usr/bin/env bash
# The benchmark of the issue "Speed and scale": builds the app's shaded jar, then runs reviewcoach.bench.Benchmark
# from the test class path. It starts the jar on a fresh H2 database with a fake Slack Web API, and the two floors,
# all on 127.0.0.1, and prints one table. Options: bench/run.sh --help. Results: target/bench/results.md.
# bench/run.sh --store-writes [N] [rounds] instead measures what H2 writes per contribution (StoreWrites);
# bench/run.sh --coaching [N] [rounds] what the coach costs per line (CoachingReads).
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=false ;;
    -h|--help)
      build=false
      args=(--help)
      ;;
    *) args+=("$arg") ;;
  esac
done

if [[ "${args[*]-}" == "--help" ]]; then
  sed -n '/static final String USAGE/,/);/p' src/test/java/reviewcoach/bench/BenchOptions.java \
    | grep -o '"[^"]*"' | tr -d '"' | sed 's/\\n$//'
  exit 0
fi

if $build; then
  echo "[bench] building target/review-coach.jar and the benchmark (mvn -B -q -DskipTests package)" >&2
  mvn -B -q -Dstyle.color=never -DskipTests package
fi
mkdir -p target/bench
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"

if [[ "${args[0]-}" == "--coaching" ]]; then
  # What the coach costs per line, in-process, one thread (reviewcoach.bench.CoachingReads): [lines per round] [rounds].
  exec java -Xms128m -Xmx256m -cp "$classpath" reviewcoach.bench.CoachingReads "${args[@]:1}"
fi

if [[ "${args[0]-}" == "--store-writes" ]]; then
  # What H2 writes per contribution (reviewcoach.bench.StoreWrites), in-process: [contributions per round] [rounds].
  exec java -Xms128m -Xmx256m -cp "$classpath" reviewcoach.bench.StoreWrites "${args[@]:1}"
fi

# The load generator and the fake Slack Web API share the 2 cores with the server under test, as the issue asks.
exec java -Xms512m -Xmx1g -cp "$classpath" reviewcoach.bench.Benchmark "${args[@]}"
