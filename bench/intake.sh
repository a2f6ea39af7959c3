#!/usr/bin/env bash
# Benchmark of the intelligence-document doors against a standalone Apache Artemis, with wrk on one machine:
# the same 1,000 indicators as a /batch of entity trees (the baseline), as a STIX 2.1 bundle of indicators with
# patterns, as a MISP event of attributes, and as a 1,000-line defanged IOC list through /extract?submit=true;
# plus a 5,000-line IOC list. Prints requests/s, indicators/s, latency and the service's CPU per indicator.
#
#   bench/intake.sh                       # 10 s per row, 4 connections
#   DURATION=30 CONNECTIONS=8 bench/intake.sh
#
# Needs a JDK, wrk, openssl and xxd, like bench/run.sh. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
HTTP_PORT=${HTTP_PORT:-18082}
WORK=target/bench-intake
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
cleanup() { kill "${SERVICE_PID:-}" 2> /dev/null || true; artemis_stop; wait 2> /dev/null || true; }
trap cleanup EXIT
mkdir -p "$WORK"

# 1,000 distinct public addresses, the same in every document
ip() { echo "198.18.$(($1 / 250)).$(($1 % 250 + 1))"; }
N=1000
{
  printf '{"entities":['
  for i in $(seq 1 $N); do printf '%s{"type":"ip","attributes":{"ip":"%s"},"reputation":-1}' "$([ "$i" -gt 1 ] && echo ,)" "$(ip "$i")"; done
  printf ']}\n'
} > "$WORK/batch.json"
{
  printf '{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":['
  for i in $(seq 1 $N); do
    printf '%s{"type":"indicator","spec_version":"2.1","id":"indicator--00000000-0000-4000-8000-%012d","created":"2026-12-01T00:00:00.000Z","modified":"2026-12-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '"'"'%s'"'"']","pattern_type":"stix","valid_from":"2026-12-01T00:00:00Z","labels":["bench"]}' \
      "$([ "$i" -gt 1 ] && echo ,)" "$i" "$(ip "$i")"
  done
  printf ']}\n'
} > "$WORK/stix.json"
{
  printf '{"Event":{"info":"bench","Tag":[{"name":"tlp:green"}],"Attribute":['
  for i in $(seq 1 $N); do printf '%s{"uuid":"00000000-0000-4000-8000-%012d","type":"ip-dst","value":"%s","to_ids":true}' "$([ "$i" -gt 1 ] && echo ,)" "$i" "$(ip "$i")"; done
  printf ']}}\n'
} > "$WORK/misp.json"
for i in $(seq 1 $N); do ip "$i" | sed 's/\.\([0-9]*\)$/[.]\1/'; done > "$WORK/iocs.txt"
for i in $(seq 1 5000); do echo "host-$i[.]bench[.]example[.]org"; done > "$WORK/iocs5000.txt"

SERVICE_ARGS=(-Dquarkus.http.port="$HTTP_PORT" -Dingest.broker.port="$ARTEMIS_AMQP_PORT"
  -Dingest.broker.username=ingest -Dingest.broker.password=ingest -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl")
pid_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

declare -A RPS P50 P99 CPU
measure() { # NAME PATH BODY_FILE CONTENT_TYPE
  local name=$1 out="$WORK/wrk-$1.txt" before after
  before=$(pid_ticks "$SERVICE_PID")
  BODY_FILE=$3 CONTENT_TYPE=$4 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency \
    -s bench/post.lua "http://127.0.0.1:$HTTP_PORT$2" > "$out"
  after=$(pid_ticks "$SERVICE_PID")
  RPS[$name]=$(awk '/Requests\/sec/ {printf "%.1f", $2}' "$out")
  P50[$name]=$(awk '$1 == "50%" {print $2}' "$out")
  P99[$name]=$(awk '$1 == "99%" {print $2}' "$out")
  CPU[$name]=$((after - before))
  if grep -q "Non-2xx" "$out"; then echo "warning: $name had non-2xx answers: $(grep Non-2xx "$out")" >&2; fi
}

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
artemis_create "$WORK"
artemis_start "$WORK/broker.log"
service_key_file "$WORK/api-keys.jsonl"
"$JAVA" "${SERVICE_ARGS[@]}" -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" > /dev/null && break; sleep 0.25; done

DURATION=5 measure warmup /api/ingest/v1/batch "$WORK/batch.json" application/json
measure batch /api/ingest/v1/batch "$WORK/batch.json" application/json
measure stix /api/ingest/v1/stix "$WORK/stix.json" application/stix+json
measure misp /api/ingest/v1/misp "$WORK/misp.json" application/json
measure extract "/api/ingest/v1/extract?submit=true" "$WORK/iocs.txt" text/plain
measure extract5000 "/api/ingest/v1/extract?submit=true" "$WORK/iocs5000.txt" text/plain
# the baseline again, last: the first rows still pay for JIT warm-up, and this machine drifts between rows
measure batch2 /api/ingest/v1/batch "$WORK/batch.json" application/json

hz=$(getconf CLK_TCK)
echo
echo "| Door, one request | bytes | requests/s | indicators/s | p50 | p99 | service CPU per indicator |"
echo "|---|---|---|---|---|---|---|"
for row in batch stix misp extract extract5000 batch2; do
  case $row in
    batch) file=batch.json label="/batch, 1,000 entity trees (baseline, first row)" n=$N ;;
    batch2) file=batch.json label="/batch, 1,000 entity trees (baseline, last row)" n=$N ;;
    stix) file=stix.json label="/stix, bundle of 1,000 indicators" n=$N ;;
    misp) file=misp.json label="/misp, event of 1,000 attributes" n=$N ;;
    extract) file=iocs.txt label="/extract?submit=true, 1,000 defanged lines" n=$N ;;
    extract5000) file=iocs5000.txt label="/extract?submit=true, 5,000 defanged lines" n=5000 ;;
  esac
  awk -v l="$label" -v b="$(wc -c < "$WORK/$file")" -v r="${RPS[$row]}" -v n="$n" -v p50="${P50[$row]}" \
    -v p99="${P99[$row]}" -v t="${CPU[$row]}" -v hz="$hz" -v d="$DURATION" 'BEGIN {
      per = (r * d * n > 0) ? t / hz / (r * d * n) * 1e6 : 0
      printf "| %s | %d | %s | %.0f | %s | %s | %.0f µs |\n", l, b, r, r * n, p50, p99, per }'
done
echo
echo "Machine: $(nproc) cores, $($JAVA -version 2>&1 | head -1); $CONNECTIONS connections, ${DURATION} s per row."
