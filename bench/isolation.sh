#!/usr/bin/env bash
# Small requests beside big ones: the p99 of small dry runs (the reference example, CONNECTIONS connections, each
# waiting DELAY_MS between requests) alone, then while one client sends 10,000-item batches back to back (dry runs):
# JSON, NDJSON in one piece, NDJSON chunked. Work that grows with the body and runs on the event loop shows up as
# the small requests' p99. Prints the rows and writes bench/results/<date>-isolation.md; asserts nothing.
#
#   bench/isolation.sh                # packages the service first
#   SKIP_BUILD=1 bench/isolation.sh   # reuses target/quarkus-app
#   PUBLISH=1 bench/isolation.sh      # the big batches published to a standalone Artemis (packs built and
#                                     # serialised); the small requests stay dry runs
#   JVM_FLAGS="-XX:G1HeapRegionSize=8m" bench/isolation.sh   # other JVM options for the service
#
# Needs wrk and curl; a broker only with PUBLISH=1. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh   # service_key_file

HTTP_PORT=${HTTP_PORT:-18084}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=2
DELAY_MS=${DELAY_MS:-10}
ITEMS=10000
WORK=target/bench-isolation
RESULTS=${RESULTS:-bench/results/$(date +%Y-%m-%d)-isolation${PUBLISH:+-published}.md}
mkdir -p "$WORK" bench/results

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -ntp package -DskipTests -Dcodegen.skip=true
service_key_file "$WORK/api-keys.jsonl"
example_body "$WORK/example.json"
batch "$ITEMS" > "$WORK/batch.json"
for i in $(seq 1 "$ITEMS"); do
  echo "{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.18.$((i / 250)).$((i % 250 + 1))\"},\"reputation\":-1}"
done > "$WORK/batch.ndjson"

BROKER=(-Dingest.broker.port=1)
BIG_QUERY="?dryRun=true"
if [ -n "${PUBLISH:-}" ]; then
  artemis_create "$WORK"
  artemis_start "$WORK/artemis.log"
  BROKER=(-Dingest.broker.port="$ARTEMIS_AMQP_PORT" -Dingest.broker.username=ingest -Dingest.broker.password=ingest)
  BIG_QUERY=""
fi
# shellcheck disable=SC2086 # JVM_FLAGS holds several options
"$JAVA" ${JVM_FLAGS:-} -Dquarkus.http.port="$HTTP_PORT" "${BROKER[@]}" -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
BIG_PID=
trap 'kill ${BIG_PID:-} "$SERVICE_PID" 2> /dev/null || true; [ -z "${PUBLISH:-}" ] || artemis_stop; wait 2> /dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/live" > /dev/null && break; sleep 0.25; done
BASE="http://127.0.0.1:$HTTP_PORT/api/ingest/v1"

# big CONTENT_TYPE FILE [chunked]: posts the batch back to back until killed; counts the answers in $WORK/big.count.
big() {
  local extra=()
  [ "${3:-}" = chunked ] && extra=(-H 'Transfer-Encoding: chunked')
  : > "$WORK/big.count"
  while true; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$BASE/batch$BIG_QUERY" -H "Content-Type: $1" \
      -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" "${extra[@]}" --data-binary "@$2" >> "$WORK/big.count"
  done
}
p99() { awk '/^ +99%/ {print $2}' "$1"; }

# Warm-up: both kinds of request for a while, so that the rows compare compiled code.
DURATION=10 wrk_post "$WORK/warm.txt" "$BASE/entity?dryRun=true" "$WORK/example.json" "$DELAY_MS" &
WARM_PID=$!
for _ in 1 2 3 4 5; do
  curl -s -o /dev/null -X POST "$BASE/batch?dryRun=true" -H 'Content-Type: application/json' \
    -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" --data-binary "@$WORK/batch.json"
done
wait "$WARM_PID"

rows=()
row() { # NAME CONTENT_TYPE FILE [chunked]: small requests' p99 with (or, without a FILE, without) the big client
  local name=$1 big_info="-"
  if [ -n "${3:-}" ]; then big "$2" "$3" "${4:-}" & BIG_PID=$!; sleep 1; fi
  wrk_post "$WORK/$name.txt" "$BASE/entity?dryRun=true" "$WORK/example.json" "$DELAY_MS"
  if [ -n "$BIG_PID" ]; then
    kill "$BIG_PID"; wait "$BIG_PID" 2> /dev/null || true; BIG_PID=
    big_info="$(grep -c '^20[02] ' "$WORK/big.count") answered $([ -n "$BIG_QUERY" ] && echo 200 || echo 202), median $(cut -d' ' -f2 "$WORK/big.count" | sort -n \
      | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s"
  fi
  rows+=("| $name | $(wrk_rps "$WORK/$name.txt") | $(p99 "$WORK/$name.txt") | $big_info |")
  echo "${rows[-1]}"
}
row alone
row "beside JSON batches" application/json "$WORK/batch.json"
row "beside NDJSON batches" application/x-ndjson "$WORK/batch.ndjson"
row "beside chunked NDJSON batches" application/x-ndjson "$WORK/batch.ndjson" chunked
blocked=$(grep -c "has been blocked" "$WORK/service.log" || true)

{
  echo "# Small requests beside 10,000-item batches, $(date +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). JVM: $("$JAVA" -version 2>&1 | sed -n 2p)${JVM_FLAGS:+, flags: $JVM_FLAGS}."
  echo "Small: POST /entity?dryRun=true (the reference example), $CONNECTIONS connections, ${DELAY_MS} ms between a"
  echo "connection's requests, ${DURATION} s a row. Big: one client posting a batch of $ITEMS items back to back$([ -n "$BIG_QUERY" ] && echo " (dry run)" || echo ", published to Apache Artemis $ARTEMIS_VERSION on the same machine (packs of ingest.batch.trees-per-event)")."
  echo
  echo "| Row | Small requests/s | Small p99 | Big batches |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Blocked-thread warnings in the service's log: $blocked."
} > "$RESULTS"
echo "written to $RESULTS"
