#!/usr/bin/env bash
# Builds tapes-benchmarks and runs everything it measures in one go, then prints one Markdown
# report and writes it to tapes-benchmarks/target/benchmarks-report.md. Two stages:
#   jaxrs  requests/s of one Jersey endpoint uninstrumented, with TapesFeature and with
#          Dropwizard's Jersey instrumentation, with wrk (jaxrs.sh; installs wrk if missing);
#   jmh    dev.tapes.benchmarks.RunAll: the JMH hot paths on 1 and 2 threads (distributed
#          recording included), scrapes of 1,000 timers on 1 thread, retained bytes per timer
#          (JOL), quantile errors and the aggregator's throughput.
#
#   tapes-benchmarks/run.sh                 # short settings: about 5 minutes
#   tapes-benchmarks/run.sh full            # the settings of docs/BENCHMARKS.md: about 26 minutes
#   tapes-benchmarks/run.sh smoke           # one 50 ms iteration each: proves it runs
#   tapes-benchmarks/run.sh short --include 'TimerUpdate' --threads 2   # a JMH subset
#   tapes-benchmarks/run.sh short --stages jaxrs                       # one stage
#
# --stages takes a comma-separated list (default jaxrs,jmh; only jmh when --include is given).
# Every other argument after the preset goes to RunAll (see its javadoc). Logs:
# tapes-benchmarks/target/benchmarks.log (JMH), target/jaxrs.tsv and target/jaxrs/ (wrk stage).
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-short}"
if [[ $# -gt 0 ]]; then shift; fi
stages=""
runall_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stages) stages="$2"; shift 2 ;;
    --include) stages="${stages:-jmh}"; runall_args+=("$1" "$2"); shift 2 ;;
    *) runall_args+=("$1"); shift ;;
  esac
done
stages=",${stages:-jaxrs,jmh},"

target=tapes-benchmarks/target
mvn -B -q -pl tapes-benchmarks -am package -DskipTests

jaxrs_args=()
if [[ "$stages" == *,jaxrs,* ]]; then
  tapes-benchmarks/jaxrs.sh "$preset" "$target/jaxrs.tsv" > "$target/jaxrs.log" 2>&1 || {
    tail -50 "$target/jaxrs.log"
    exit 1
  }
  jaxrs_args=(--jaxrs "$target/jaxrs.tsv")
fi

if [[ "$stages" == *,jmh,* ]]; then
  # allowAttachSelf lets JOL attach to this JVM for exact object sizes, without a warning.
  java -Djdk.attach.allowAttachSelf=true \
      -cp "$target/benchmarks.jar" dev.tapes.benchmarks.RunAll \
      --preset "$preset" --report "$target/benchmarks-report.md" \
      ${jaxrs_args[@]+"${jaxrs_args[@]}"} ${runall_args[@]+"${runall_args[@]}"} \
      > "$target/benchmarks.log" 2>&1 || {
    tail -50 "$target/benchmarks.log"
    exit 1
  }
elif [[ ${#jaxrs_args[@]} -gt 0 ]]; then
  java -cp "$target/benchmarks.jar" dev.tapes.benchmarks.JaxrsReport "$target/jaxrs.tsv" \
      > "$target/benchmarks-report.md"
fi
cat "$target/benchmarks-report.md"
