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
PORT_OFFSET=1000                      # Artemis ports + 1000: AMQP on 6672, core on 62616
AMQP_PORT=$((5672 + PORT_OFFSET))
CORE_URL="tcp://127.0.0.1:$((61616 + PORT_OFFSET))"
ARTEMIS_VERSION=2.56.0
WORK=target/soak
ARTEMIS_HOME=$WORK/apache-artemis-$ARTEMIS_VERSION
BROKER=$WORK/broker
QUEUES=ingest.entities,ingest.associations,ingest.comments,ingest.scans,ingest.scan-status

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

wait_port() { for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0; sleep 0.5; done; return 1; }
wait_ready() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" > /dev/null && return 0; sleep 0.5; done; return 1; }
start_broker() { "$BROKER/bin/artemis" run > "$WORK/broker.log" 2>&1 & BROKER_PID=$!; wait_port "$AMQP_PORT"; }
cleanup() { kill "${WRK_PID:-}" "${SERVICE_PID:-}" 2> /dev/null || true; kill "${BROKER_PID:-}" 2> /dev/null || true; wait 2> /dev/null || true; }
trap cleanup EXIT

mkdir -p "$WORK"
./mvnw -B -q package -DskipTests
if [ ! -d "$ARTEMIS_HOME" ]; then
  ./mvnw -B -q dependency:copy -Dartifact="org.apache.artemis:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" -DoutputDirectory="$WORK"
  tar -xzf "$WORK/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$WORK"
fi
rm -rf "$BROKER"
"$ARTEMIS_HOME/bin/artemis" create "$BROKER" --silent --user soak --password soak --require-login --no-web --nio \
  --host 127.0.0.1 --port-offset "$PORT_OFFSET" --queues "$(echo "$QUEUES" | sed 's/,/:anycast,/g'):anycast" > /dev/null
start_broker

KEY_OUTPUT=$(java -jar target/quarkus-app/quarkus-run.jar create-api-key --user soak --roles reporter --key-id soak)
export SOAK_KEY=soak
SOAK_SECRET=$(echo "$KEY_OUTPUT" | awk '/^api-secret:/ {print $2}')
export SOAK_SECRET
echo "$KEY_OUTPUT" | tail -n 1 > "$WORK/api-keys.jsonl"

java -Dquarkus.http.port="$HTTP_PORT" -Dingest.broker.port="$AMQP_PORT" \
  -Dingest.broker.username=soak -Dingest.broker.password=soak \
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
kill "$BROKER_PID"; wait "$BROKER_PID" 2> /dev/null || true
sleep 3
start_broker
wait "$WRK_PID" || true
sleep 2

read -r ACCEPTED REJECTED OTHER < <(sed -n 's/^SOAK accepted=\([0-9]*\) rejected=\([0-9]*\) other=\([0-9]*\)$/\1 \2 \3/p' "$WORK/wrk.txt")
DELIVERED=$("$BROKER/bin/artemis" queue stat --url "$CORE_URL" --user soak --password soak --queueName ingest.entities \
  | awk -F'|' '/ingest.entities/ {gsub(/ /, "", $5); print $5}' | head -n 1)
LOST=$(( ACCEPTED > DELIVERED ? ACCEPTED - DELIVERED : 0 ))
LATE=$(( DELIVERED > ACCEPTED ? DELIVERED - ACCEPTED : 0 ))
grep -E "Requests/sec|Latency|99%" "$WORK/wrk.txt" || true
echo "accepted=$ACCEPTED rejected=$REJECTED other=$OTHER delivered=$DELIVERED lost=$LOST late=$LATE"
[ "$LOST" -eq 0 ] && [ "$OTHER" -eq 0 ]
