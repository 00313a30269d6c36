#!/usr/bin/env bash
# The JAX-RS overhead stage of run.sh: requests/s of one Jersey 3.1 endpoint on Grizzly
# (dev.tapes.benchmarks.HelloResource), uninstrumented, with TapesFeature and with Dropwizard's
# Jersey instrumentation, measured with wrk in one run. Each server runs in a JVM of its own on
# 127.0.0.1 and a free port; all three start first, each is warmed up, then the measured rounds
# alternate between them (the order rotating every round) and every server is stopped by PID.
#
#   tapes-benchmarks/jaxrs.sh [smoke|short|full] [RESULTS_FILE]
#
# Needs tapes-benchmarks/target/benchmarks.jar (run.sh builds it). Writes one line per wrk run
# to RESULTS_FILE (default tapes-benchmarks/target/jaxrs.tsv), which RunAll --jaxrs renders;
# servers' logs go to tapes-benchmarks/target/jaxrs/. Knobs (environment):
#   JAXRS_CONNECTIONS   wrk connections, default 8 (one wrk thread: wrk and the server share
#                       the 2 cores sanely)
#   JAXRS_JAVA_OPTS     the servers' JVM options, default -Xms256m -Xmx256m (same for all)
#   JAXRS_SERVERS       which servers, default "plain tapes dropwizard"; the diagnostic
#                       servers tapes-timing and tapes-unmatched carry one part of TapesFeature
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-short}"
results="${2:-tapes-benchmarks/target/jaxrs.tsv}"
case "$preset" in
  smoke) warmup=2; duration=2; rounds=1 ;;
  short) warmup=10; duration=3; rounds=5 ;;
  full) warmup=20; duration=4; rounds=15 ;;
  *) echo "unknown preset '$preset': smoke, short or full" >&2; exit 2 ;;
esac
connections="${JAXRS_CONNECTIONS:-8}"
read -r -a java_opts <<< "${JAXRS_JAVA_OPTS:--Xms256m -Xmx256m}"
jar=tapes-benchmarks/target/benchmarks.jar
work=tapes-benchmarks/target/jaxrs
read -r -a servers <<< "${JAXRS_SERVERS:-plain tapes dropwizard}"

if [[ ! -f "$jar" ]]; then
  echo "$jar is missing: run tapes-benchmarks/run.sh, or mvn -pl tapes-benchmarks -am package" >&2
  exit 1
fi
command -v wrk > /dev/null || (apt-get update && apt-get install -y wrk)

mkdir -p "$work"
declare -A pid port
stop_servers() {
  for server in "${!pid[@]}"; do
    kill "${pid[$server]}" 2> /dev/null || true
    wait "${pid[$server]}" 2> /dev/null || true
  done
}
trap stop_servers EXIT

for server in "${servers[@]}"; do
  rm -f "$work/$server.port"
  java "${java_opts[@]}" -cp "$jar" dev.tapes.benchmarks.JaxrsServer "$server" \
      "$work/$server.port" > "$work/$server.log" 2>&1 &
  pid[$server]=$!
done
deadline=$((SECONDS + 60))
for server in "${servers[@]}"; do
  until [[ -s "$work/$server.port" ]]; do
    if ! kill -0 "${pid[$server]}" 2> /dev/null || ((SECONDS > deadline)); then
      echo "the $server server did not start; its log:" >&2
      cat "$work/$server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  port[$server]=$(cat "$work/$server.port")
done

# One wrk run against a server: prints "requests/s<TAB>requests<TAB>mean latency".
measure() {
  local server=$1 seconds=$2 output
  output=$(wrk -t1 -c"$connections" -d"${seconds}s" "http://127.0.0.1:${port[$server]}/hello")
  if grep -Eq 'Non-2xx|Socket errors' <<< "$output"; then
    echo "wrk saw errors against the $server server:" >&2
    echo "$output" >&2
    exit 1
  fi
  printf '%s\t%s\t%s\n' \
      "$(awk '/^Requests\/sec:/ {print $2}' <<< "$output")" \
      "$(awk '/ requests in / {print $1}' <<< "$output")" \
      "$(awk '/^ +Latency/ {print $2}' <<< "$output")"
}

{
  printf '# wrk\t%s\n' "$(wrk --version 2>&1 | head -1 | awk '{print $1, $2}')"
  printf '# settings\t1 wrk thread, %s connections, %s s warm-up per server, %s rounds of %s s\n' \
      "$connections" "$warmup" "$rounds" "$duration"
  printf '# server JVM options\t%s\n' "${java_opts[*]}"
  printf '# round\tserver\trequests/s\trequests\tmean latency\n'
} > "$results"
for server in "${servers[@]}"; do
  printf 'warm-up\t%s\t%s\n' "$server" "$(measure "$server" "$warmup")" >> "$results"
done
for ((round = 1; round <= rounds; round++)); do
  for ((i = 0; i < ${#servers[@]}; i++)); do
    server=${servers[$(((i + round - 1) % ${#servers[@]}))]}
    printf '%s\t%s\t%s\n' "$round" "$server" "$(measure "$server" "$duration")" >> "$results"
  done
done

# Stop each server by its PID; on its way out it prints how many requests it timed.
for server in "${servers[@]}"; do
  kill "${pid[$server]}"
  wait "${pid[$server]}" || true
  unset "pid[$server]"
  printf '# timed\t%s\t%s\n' "$server" \
      "$(awk -F': ' '/^timed requests: / {print $2}' "$work/$server.log")" >> "$results"
done
cat "$results"
