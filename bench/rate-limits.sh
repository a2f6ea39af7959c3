#!/usr/bin/env bash
# Shared rate limits against none: three services side by side on the packaged jar, one standalone Artemis and one
# Redis on this machine, the reference example published with an API key, measured in turns (ROUNDS rounds, the
# order rotating each round):
#   - off: rate limiting off, memory state backend (the default);
#   - redis, leases: rate limiting on, buckets in Redis, the shipped ingest.rate-limit.max-lease (64);
#   - redis, one call a request: the same with max-lease=1 (every request asks Redis; the behaviour before leases).
# The burst is large enough that nothing is refused. Prints requests/s, p99 and the service's and Redis's CPU per
# row, the ratios to "off", and Redis's script calls per request; writes bench/results/<date>-rate-limits.md.
# Measures and prints; asserts nothing.
#
#   bench/rate-limits.sh                # packages the service first
#   SKIP_BUILD=1 bench/rate-limits.sh   # reuses target/quarkus-app
#
# Needs wrk and redis-server (Debian: apt-get install wrk redis-server). Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
WORK=target/bench-rate-limits
RESULTS=${RESULTS:-bench/results/$(date +%Y-%m-%d)-rate-limits.md}
REDIS_PORT=${REDIS_PORT:-16389}
# shellcheck source=bench/lib.sh
. bench/lib.sh
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
command -v redis-server > /dev/null || { echo "redis-server is needed (apt-get install redis-server)" >&2; exit 2; }
declare -A PID PORT
cleanup() {
  kill "${PID[@]}" "${REDIS_PID:-}" 2> /dev/null || true; artemis_stop; wait 2> /dev/null || true
}
trap cleanup EXIT
mkdir -p "$WORK" bench/results

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -ntp package -DskipTests -Dcodegen.skip=true
artemis_create "$WORK"
artemis_start "$WORK/artemis.log"
service_key_file "$WORK/api-keys.jsonl"
example_body "$WORK/example.json"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$WORK/redis.log" 2>&1 &
REDIS_PID=$!

REDIS_SETTINGS=(-Dingest.state.backend=redis -Dquarkus.redis.hosts="redis://127.0.0.1:$REDIS_PORT"
  -Dingest.state.secret-key="$(head -c 32 /dev/urandom | base64)" -Dingest.rate-limit.enabled=true
  -Dingest.rate-limit.burst=1000000000 -Dingest.rate-limit.requests-per-second=1000000)
start() { # NAME PORT [JVM options...]
  local name=$1 port=$2
  shift 2
  "$JAVA" "$@" -Dquarkus.http.port="$port" -Dingest.broker.port="$ARTEMIS_AMQP_PORT" -Dingest.broker.username=ingest \
    -Dingest.broker.password=ingest -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/service-$name.log" 2>&1 &
  PID[$name]=$!
  PORT[$name]=$port
}
start off 18091
start leases 18092 "${REDIS_SETTINGS[@]}"
start single 18093 "${REDIS_SETTINGS[@]}" -Dingest.rate-limit.max-lease=1
for name in off leases single; do
  wait_ready "${PORT[$name]}" || { echo "$name did not become ready; see $WORK/service-$name.log" >&2; exit 1; }
done
script_calls() { redis-cli -p "$REDIS_PORT" INFO commandstats | tr -d '\r' \
  | awk -F'[:=,]' '$1 == "cmdstat_evalsha" || $1 == "cmdstat_eval" {n += $3} END {print n + 0}'; }

url() { echo "http://127.0.0.1:${PORT[$1]}/api/ingest/v1/entity"; }
for name in off leases single; do
  echo "warm-up: $name"; DURATION=15 wrk_post "$WORK/wrk-warmup.txt" "$(url "$name")" "$WORK/example.json"
done

declare -A RATE SUM
TABLE=()
order=(off leases single)
for round in $(seq 1 "$ROUNDS"); do
  for name in "${order[@]}"; do
    before=$(pid_ticks "${PID[$name]}"); redis_before=$(pid_ticks "$REDIS_PID"); calls_before=$(script_calls)
    wrk_post "$WORK/wrk-$name.txt" "$(url "$name")" "$WORK/example.json"
    rps=$(wrk_rps "$WORK/wrk-$name.txt")
    requests=$(awk '/requests in/ {print $1}' "$WORK/wrk-$name.txt")
    calls=$(( $(script_calls) - calls_before ))
    RATE[$name]=$rps; SUM[$name]=$(( ${SUM[$name]:-0} + rps ))
    line="| $name, round $round | $rps | $(awk '$1 == "99%" {print $2}' "$WORK/wrk-$name.txt") | $(cores_used $(( $(pid_ticks "${PID[$name]}") - before )) "$DURATION") | $(cores_used $(( $(pid_ticks "$REDIS_PID") - redis_before )) "$DURATION") | $(awk -v c="$calls" -v r="$requests" 'BEGIN {printf "%.3f", (r > 0 ? c / r : 0)}') | $(load1) |"
    echo "$line"; TABLE+=("$line")
  done
  TABLE+=("| round $round: leases / off, one call a request / off | $(ratio "${RATE[leases]}" "${RATE[off]}"), $(ratio "${RATE[single]}" "${RATE[off]}") | | | | | |")
  order=("${order[@]:1}" "${order[0]}")
done

{
  echo "# Shared rate limits against none, $(date +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), shared by the client, the three services, the broker and Redis."
  echo "Service JVM: $("$JAVA" -version 2>&1 | sed -n 2p), default flags; HEAD $(git rev-parse --short HEAD). Redis: $(redis-server --version | awk '{print $3}'). Broker: Apache Artemis $ARTEMIS_VERSION."
  echo "Load: wrk, $THREADS threads, $CONNECTIONS connections, $DURATION s a row after 15 s of warm-up per service; POST /entity with the reference example, published; API key."
  echo
  echo "| Row | Requests/s | p99 | Service CPU (cores) | Redis CPU (cores) | Redis script calls per request | Load average |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${TABLE[@]}"
  echo
  echo "- Sums of the rounds: leases / off $(ratio "${SUM[leases]}" "${SUM[off]}"), one call a request / off $(ratio "${SUM[single]}" "${SUM[off]}"); goal: within 15% of off (at least 85%)"
} | tee "$RESULTS"
echo "written to $RESULTS"
