#!/usr/bin/env bash
# Soak test: a standalone Apache Artemis (from the Maven distribution, persistence on), the packaged service,
# a bounded wrk load, and a broker restart in the middle. Prints accepted (202), rejected (503) and delivered
# counts. Zero loss means every accepted submission was delivered: "lost" must be 0. "late" counts messages
# the broker received for requests that were answered 503 (a publish that timed out during the restart); the
# client retries those, and consumers apply them as idempotent upserts.
#
#   scripts/soak.sh                      # 60 s, 16 connections
#   DURATION=300 CONNECTIONS=64 scripts/soak.sh
#
# Needs a JDK and wrk (Debian: apt-get install wrk). Uses only 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
HTTP_PORT=${HTTP_PORT:-18080}
WORK=target/soak
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

wait_ready() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" > /dev/null && return 0; sleep 0.5; done; return 1; }
cleanup() { kill "${WRK_PID:-}" "${SERVICE_PID:-}" 2> /dev/null || true; artemis_stop; wait 2> /dev/null || true; }
trap cleanup EXIT

mkdir -p "$WORK"
./mvnw -B -q package -DskipTests
artemis_create "$WORK"
artemis_start "$WORK/broker.log"
service_key_file "$WORK/api-keys.jsonl"

java -Dquarkus.http.port="$HTTP_PORT" -Dingest.broker.port="$ARTEMIS_AMQP_PORT" \
  -Dingest.broker.username=ingest -Dingest.broker.password=ingest \
  -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
wait_ready || { echo "the service did not become ready; see $WORK/service.log" >&2; exit 1; }

echo "load: ${DURATION}s, $CONNECTIONS connections; the broker restarts after $((DURATION / 3))s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s scripts/soak.lua \
  "http://127.0.0.1:$HTTP_PORT/api/ingest/v1/entity" > "$WORK/wrk.txt" &
WRK_PID=$!
sleep $((DURATION / 3))
echo "restarting the broker"
artemis_stop
sleep 3
artemis_start "$WORK/broker.log"
wait "$WRK_PID" || true
sleep 2

read -r ACCEPTED REJECTED OTHER < <(sed -n 's/^SOAK accepted=\([0-9]*\) rejected=\([0-9]*\) other=\([0-9]*\)$/\1 \2 \3/p' "$WORK/wrk.txt")
DELIVERED=$(artemis_queue_count ingest.entities)
LOST=$(( ACCEPTED > DELIVERED ? ACCEPTED - DELIVERED : 0 ))
LATE=$(( DELIVERED > ACCEPTED ? DELIVERED - ACCEPTED : 0 ))
grep -E "Requests/sec|Latency|99%" "$WORK/wrk.txt" || true
echo "accepted=$ACCEPTED rejected=$REJECTED other=$OTHER delivered=$DELIVERED lost=$LOST late=$LATE"
[ "$LOST" -eq 0 ] && [ "$OTHER" -eq 0 ]
