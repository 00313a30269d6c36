#!/usr/bin/env bash
# Builds tapes-benchmarks and runs everything it measures in one go: the JMH benchmarks on 1
# and 2 threads, retained bytes per timer (JOL) and quantile errors, then prints a Markdown
# report and writes it to tapes-benchmarks/target/benchmarks-report.md.
#
#   tapes-benchmarks/run.sh                 # short settings: under 3 minutes
#   tapes-benchmarks/run.sh full            # the settings of docs/BENCHMARKS.md: 20-25 minutes
#   tapes-benchmarks/run.sh smoke           # one 50 ms iteration each: proves it runs
#   tapes-benchmarks/run.sh short --include 'TimerUpdate' --threads 2   # a subset
#
# Any argument after the preset goes to dev.tapes.benchmarks.RunAll (see its javadoc). The
# full JMH log goes to tapes-benchmarks/target/benchmarks.log.
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-short}"
if [[ $# -gt 0 ]]; then shift; fi

mvn -B -q -pl tapes-benchmarks -am package -DskipTests
# allowAttachSelf lets JOL attach to this JVM for exact object sizes, without a warning.
java -Djdk.attach.allowAttachSelf=true \
    -cp tapes-benchmarks/target/benchmarks.jar dev.tapes.benchmarks.RunAll \
    --preset "$preset" --report tapes-benchmarks/target/benchmarks-report.md "$@" \
    > tapes-benchmarks/target/benchmarks.log 2>&1 || {
  tail -50 tapes-benchmarks/target/benchmarks.log
  exit 1
}
cat tapes-benchmarks/target/benchmarks-report.md
