#!/usr/bin/env bash
# Benchmark: the packaged service (on Temurin 25 when present) against a standalone Apache Artemis (durable
# queues, persistence on), measured in turns with wrk on one machine:
#   - framework ceiling: GET /q/health/live of the same service;
#   - broker ceiling: Artemis's own AMQP producer, durable messages of an event's size;
#   - POST /entity with the reference example and trees of 10, 100 and 1,000 entities (~100 KB a request);
#   - POST /batch of 100 and 1,000 single-entity items, with the default packing and with one event per tree;
#   - p99 at about half the maximum rate;
#   (each row starts from an empty queue, and the CPU of the service and of the broker is recorded per row);
#   - peak RSS with default JVM sizing, and the reference example again with the small-footprint flags;
#   - the reference example with rate limiting on and the buckets in Redis (when redis-server is installed);
#   - dry runs of the reference example with an API key against a Bearer token (RS256, token cache on and off);
#   - start-up to the first 202, median of 5: the plain jar, and (JDK 25+) the aot-jar packaging with the JDK AOT
#     cache trained by scripts/aot-train.sh, with default and small-footprint flags (bench/startup.sh: these alone).
# Prints the figures and ratios and writes them with the machine description to bench/results/<date>.md.
#
#   bench/run.sh                 # 20 s per measurement
#   DURATION=60 CONNECTIONS=64 bench/run.sh
#   DURATION=5 RESULTS=/tmp/try.md bench/run.sh    # a quick try that keeps today's results file
#   SKIP_AOT=1 bench/run.sh      # without the AOT cache's packaging and training (several minutes)
#
# Needs a JDK, wrk (Debian: apt-get install wrk), openssl and xxd. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HTTP_PORT=${HTTP_PORT:-18081}
WORK=target/bench
RESULTS=${RESULTS:-bench/results/$(date +%Y-%m-%d).md}
# the README's small-footprint JVM setting
SMALL_FLAGS=(-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -Xss256k)
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
cleanup() {
  kill "${SERVICE_PID:-}" "${REDIS_PID:-}" 2> /dev/null || true; artemis_stop; wait 2> /dev/null || true
}
trap cleanup EXIT
mkdir -p "$WORK" bench/results

SERVICE_ARGS=(-Dquarkus.http.port="$HTTP_PORT" -Dingest.broker.port="$ARTEMIS_AMQP_PORT"
  -Dingest.broker.username=ingest -Dingest.broker.password=ingest -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl")

start_service() { # extra JVM options...
  "$JAVA" "$@" "${SERVICE_ARGS[@]}" -jar "${SERVICE_JAR:-target/quarkus-app/quarkus-run.jar}" > "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
}
stop_service() { kill "$SERVICE_PID" 2> /dev/null || true; wait "$SERVICE_PID" 2> /dev/null || true; SERVICE_PID=; }
cpu_ticks() { pid_ticks "$SERVICE_PID"; }
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status"; }

# bodies: the reference example, and trees of 10, 100 and 1,000 entities (a domain and its resolved addresses)
example_body "$WORK/example.json"
tree 10 > "$WORK/tree10.json"
tree 100 > "$WORK/tree100.json"
tree 1000 > "$WORK/tree1000.json"
batch 100 > "$WORK/batch100.json"
batch 1000 > "$WORK/batch1000.json"

declare -A RPS P50 P99 MAX CPU BROKER_CPU
# Every row starts from an empty queue, so that no row pays for the messages of the one before.
purge_queue() { artemis_purge ingest.entities; }
# measure NAME METHOD [BODY_FILE] [DELAY_MS]
measure() {
  local name=$1 url=$2 body=${3:-} delay=${4:-0} out="$WORK/wrk-$1.txt" before after broker_before
  purge_queue
  before=$(cpu_ticks)
  broker_before=$(pid_ticks "$ARTEMIS_PID")
  wrk_post "$out" "$url" "$body" "$delay"
  after=$(cpu_ticks)
  BROKER_CPU[$name]=$(cores_used $(( $(pid_ticks "$ARTEMIS_PID") - broker_before )) "$DURATION")
  RPS[$name]=$(wrk_rps "$out")
  P50[$name]=$(awk '$1 == "50%" {print $2}' "$out")
  P99[$name]=$(awk '$1 == "99%" {print $2}' "$out")
  MAX[$name]=$(awk '/^    Latency/ {print $4}' "$out")
  CPU[$name]=$(cores_used $((after - before)) "$DURATION")
}

./mvnw -B -q package -DskipTests
artemis_create "$WORK"
artemis_start "$WORK/broker.log"
service_key_file "$WORK/api-keys.jsonl"

start_service
wait_ready || { echo "the service did not become ready; see $WORK/service.log" >&2; exit 1; }
BASE="http://127.0.0.1:$HTTP_PORT"
BODY_URL="$BASE/api/ingest/v1/entity"
echo "warm-up"; DURATION=10 measure warmup "$BODY_URL" "$WORK/example.json"
DURATION=5 measure warmup "$BODY_URL" "$WORK/tree10.json"
echo "framework ceiling"; measure framework "$BASE/q/health/live"
EVENT_BYTES=$(( $(wc -c < "$WORK/example.json") * 3 ))   # an event is about three times its request
echo "broker ceiling: Artemis AMQP producer, persistent, ${EVENT_BYTES}-byte messages"
purge_queue
broker_before=$(pid_ticks "$ARTEMIS_PID")
"$ARTEMIS_HOME/bin/artemis" perf producer --protocol AMQP --url "amqp://127.0.0.1:$ARTEMIS_AMQP_PORT" \
  --user ingest --password ingest --persistent --message-size "$EVENT_BYTES" --duration "$DURATION" --warmup 2 \
  --max-pending 1024 queue://ingest.entities > "$WORK/broker-perf.txt" 2>&1
BROKER_CEILING=$(awk -v d="$DURATION" '/total completed/ {printf "%.0f", $4 / d}' "$WORK/broker-perf.txt")
BROKER_CEILING_CPU=$(cores_used $(( $(pid_ticks "$ARTEMIS_PID") - broker_before )) $((DURATION + 2)))
echo "POST /entity: reference example"; measure example "$BODY_URL" "$WORK/example.json"
echo "POST /entity: 10 entities"; measure tree10 "$BODY_URL" "$WORK/tree10.json"
echo "POST /entity: 100 entities"; measure tree100 "$BODY_URL" "$WORK/tree100.json"
echo "POST /entity: 1,000 entities ($(wc -c < "$WORK/tree1000.json") bytes)"; measure tree1000 "$BODY_URL" "$WORK/tree1000.json"
BATCH_URL="$BASE/api/ingest/v1/batch"
echo "POST /batch: 100 single-entity items, default packing"; measure batch100 "$BATCH_URL" "$WORK/batch100.json"
echo "POST /batch: 1,000 single-entity items, default packing"; measure batch1000 "$BATCH_URL" "$WORK/batch1000.json"
HALF_DELAY=$(awk -v c="$CONNECTIONS" -v r="${RPS[example]}" 'BEGIN {printf "%.0f", (r > 0 ? 2 * c * 1000 / r : 0)}')
echo "POST /entity at about half the maximum rate (each connection waits ${HALF_DELAY} ms)"
measure half "$BODY_URL" "$WORK/example.json" "$HALF_DELAY"
PEAK_RSS=$(peak_rss_mb)
stop_service

# One event per tree: bounded by the broker's message rate, compared with its own producer above.
start_service -Dingest.batch.trees-per-event=1
wait_ready || { echo "the service did not start with trees-per-event=1; see $WORK/service.log" >&2; exit 1; }
echo "POST /batch, one event per tree"
DURATION=10 measure warmup "$BATCH_URL" "$WORK/batch100.json"
measure batch100one "$BATCH_URL" "$WORK/batch100.json"
measure batch1000one "$BATCH_URL" "$WORK/batch1000.json"
stop_service

start_service "${SMALL_FLAGS[@]}"
wait_ready || { echo "the service did not start with ${SMALL_FLAGS[*]}; see $WORK/service.log" >&2; exit 1; }
echo "POST /entity: reference example, small-footprint JVM (${SMALL_FLAGS[*]})"
DURATION=15 measure warmup "$BODY_URL" "$WORK/example.json"
measure small "$BODY_URL" "$WORK/example.json"
SMALL_RSS=$(peak_rss_mb)
stop_service

# Rate limiting on, with the buckets in Redis (a busy caller takes its tokens a lease of up to 64 at a time); the
# burst is large enough that nothing is refused, so the row measures the cost against the example row (rate
# limiting off). bench/rate-limits.sh measures this alone, in turns, with and without leases.
if command -v redis-server > /dev/null; then
  REDIS_PORT=$((HTTP_PORT + 1000))
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  start_service -Dingest.state.backend=redis -Dquarkus.redis.hosts="redis://127.0.0.1:$REDIS_PORT" \
    -Dingest.scan.webhook.enabled=false \
    -Dingest.rate-limit.enabled=true -Dingest.rate-limit.burst=1000000000 -Dingest.rate-limit.requests-per-second=1000000
  wait_ready || { echo "the service did not start with the redis backend; see $WORK/service.log" >&2; exit 1; }
  echo "POST /entity: reference example, rate limiting on, buckets in Redis"
  DURATION=15 measure warmup "$BODY_URL" "$WORK/example.json"
  measure redis "$BODY_URL" "$WORK/example.json"
  stop_service
  kill "$REDIS_PID" 2> /dev/null || true
else
  echo "redis-server not installed: no rate-limit row (apt-get install redis-server)" >&2
fi

startup_ms() { # median of 5 runs of: process start to the first 202
  local runs=() i t0 t1
  for i in 1 2 3 4 5; do
    t0=$(date +%s%N)
    start_service "$@"
    await_first_202 "$HTTP_PORT" "$BODY_URL" "$WORK/example.json" "$SERVICE_PID"
    t1=$(date +%s%N)
    runs+=($(( (t1 - t0) / 1000000 )))
    stop_service
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p
}
echo "start-up, plain jar"
STARTUP_PLAIN=$(startup_ms)
STARTUP_AOT="n/a (JDK without AOT cache support)"
STARTUP_AOT_SMALL="n/a"
if [ -n "${SKIP_AOT:-}" ]; then
  STARTUP_AOT="not measured (SKIP_AOT)"
elif "$JAVA" -XX:AOTCacheOutput=/dev/null -version > /dev/null 2>&1; then
  # The aot-jar packaging (all classes on the JDK's class path, so the cache can hold them) in its own directory,
  # its cache written by scripts/aot-train.sh (start-up and authenticated dry runs, as in the JVM image's build).
  echo "start-up, AOT cache: packaging and training (scripts/aot-train.sh)"
  rm -rf target/quarkus-aot
  JAVA_HOME=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.home/ {print $2}') \
    ./mvnw -B -q package -DskipTests -Dcodegen.skip=true -Dquarkus.package.jar.aot.enabled=true \
    -Dquarkus.package.output-directory=quarkus-aot > "$WORK/aot-training.log" 2>&1 \
    && JAVA=$JAVA bash scripts/aot-train.sh target/quarkus-aot >> "$WORK/aot-training.log" 2>&1 \
    || { echo "AOT training failed; see $WORK/aot-training.log" >&2; exit 1; }
  ./mvnw -B -q package -DskipTests   # the default packaging again, for anyone running the jar after us
  if [ -f target/quarkus-aot/app.aot ]; then
    echo "start-up, AOT cache"
    STARTUP_AOT=$(SERVICE_JAR=target/quarkus-aot/quarkus-run.jar startup_ms -XX:AOTCache=target/quarkus-aot/app.aot)
    echo "start-up, AOT cache, small-footprint JVM"
    STARTUP_AOT_SMALL=$(SERVICE_JAR=target/quarkus-aot/quarkus-run.jar startup_ms -XX:AOTCache=target/quarkus-aot/app.aot "${SMALL_FLAGS[@]}")
  fi
fi

per_request() { awk -v c="$1" -v r="$2" 'BEGIN {printf "%.0f", (r > 0 ? 1e6 * c / r : 0)}'; }
{
  echo "# Benchmark $(date +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)."
  echo "Service JVM: $("$JAVA" -version 2>&1 | head -n 1). Broker: Apache Artemis $ARTEMIS_VERSION, NIO journal, persistence on."
  echo "Load: wrk, $THREADS threads, $CONNECTIONS connections, ${DURATION} s per row, client and broker on the same machine."
  echo
  echo "| Measurement | Requests/s | Entities/s | p50 | p99 | max | Service CPU (cores) | Broker CPU (cores) |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| Framework ceiling: GET /q/health/live | ${RPS[framework]} | | ${P50[framework]} | ${P99[framework]} | ${MAX[framework]} | ${CPU[framework]} | ${BROKER_CPU[framework]} |"
  echo "| Broker ceiling: Artemis AMQP producer, persistent ${EVENT_BYTES} B | $BROKER_CEILING msg/s | | | | | | $BROKER_CEILING_CPU |"
  echo "| POST /entity, reference example | ${RPS[example]} | ${RPS[example]} | ${P50[example]} | ${P99[example]} | ${MAX[example]} | ${CPU[example]} | ${BROKER_CPU[example]} |"
  echo "| POST /entity, 10 entities | ${RPS[tree10]} | $(( RPS[tree10] * 10 )) | ${P50[tree10]} | ${P99[tree10]} | ${MAX[tree10]} | ${CPU[tree10]} | ${BROKER_CPU[tree10]} |"
  echo "| POST /entity, 100 entities | ${RPS[tree100]} | $(( RPS[tree100] * 100 )) | ${P50[tree100]} | ${P99[tree100]} | ${MAX[tree100]} | ${CPU[tree100]} | ${BROKER_CPU[tree100]} |"
  echo "| POST /entity, 1,000 entities | ${RPS[tree1000]} | $(( RPS[tree1000] * 1000 )) | ${P50[tree1000]} | ${P99[tree1000]} | ${MAX[tree1000]} | ${CPU[tree1000]} | ${BROKER_CPU[tree1000]} |"
  echo "| POST /batch, 100 items, default packing | ${RPS[batch100]} | $(( RPS[batch100] * 100 )) | ${P50[batch100]} | ${P99[batch100]} | ${MAX[batch100]} | ${CPU[batch100]} | ${BROKER_CPU[batch100]} |"
  echo "| POST /batch, 1,000 items, default packing | ${RPS[batch1000]} | $(( RPS[batch1000] * 1000 )) | ${P50[batch1000]} | ${P99[batch1000]} | ${MAX[batch1000]} | ${CPU[batch1000]} | ${BROKER_CPU[batch1000]} |"
  echo "| POST /batch, 100 items, one event per tree | ${RPS[batch100one]} | $(( RPS[batch100one] * 100 )) | ${P50[batch100one]} | ${P99[batch100one]} | ${MAX[batch100one]} | ${CPU[batch100one]} | ${BROKER_CPU[batch100one]} |"
  echo "| POST /batch, 1,000 items, one event per tree | ${RPS[batch1000one]} | $(( RPS[batch1000one] * 1000 )) | ${P50[batch1000one]} | ${P99[batch1000one]} | ${MAX[batch1000one]} | ${CPU[batch1000one]} | ${BROKER_CPU[batch1000one]} |"
  echo "| POST /entity, example, about half rate | ${RPS[half]} | | ${P50[half]} | ${P99[half]} | ${MAX[half]} | ${CPU[half]} | ${BROKER_CPU[half]} |"
  echo "| POST /entity, example, rate limiting with Redis | ${RPS[redis]:-} | ${RPS[redis]:-} | ${P50[redis]:-} | ${P99[redis]:-} | ${MAX[redis]:-} | ${CPU[redis]:-} | ${BROKER_CPU[redis]:-} |"
  echo "| POST /entity, example, small-footprint JVM | ${RPS[small]} | ${RPS[small]} | ${P50[small]} | ${P99[small]} | ${MAX[small]} | ${CPU[small]} | ${BROKER_CPU[small]} |"
  echo
  echo "- Ingest / framework ceiling: $(ratio "${RPS[example]}" "${RPS[framework]}")"
  echo "- Ingest / broker ceiling: $(ratio "${RPS[example]}" "$BROKER_CEILING")"
  echo "- Batches, entities/s against single-entity requests (example row): 100 items $(ratio $(( RPS[batch100] * 100 )) "${RPS[example]}"), 1,000 items $(ratio $(( RPS[batch1000] * 1000 )) "${RPS[example]}") (target: at least 1000%)"
  echo "- Batches with one event per tree, entities/s against the broker's own producer: 100 items $(ratio $(( RPS[batch100one] * 100 )) "$BROKER_CEILING"), 1,000 items $(ratio $(( RPS[batch1000one] * 1000 )) "$BROKER_CEILING") (target: at least 80%)"
  echo "- Service CPU per entity in batches: 100 items $(per_request "${CPU[batch100]}" $(( RPS[batch100] * 100 ))) µs, 1,000 items $(per_request "${CPU[batch1000]}" $(( RPS[batch1000] * 1000 ))) µs; one event per tree: $(per_request "${CPU[batch1000one]}" $(( RPS[batch1000one] * 1000 ))) µs"
  echo "- Rate limiting with Redis / rate limiting off (example rows): $(ratio "${RPS[redis]:-0}" "${RPS[example]}")"
  echo "- CPU per request of the reference example: service $(per_request "${CPU[example]}" "${RPS[example]}") µs, broker $(per_request "${BROKER_CPU[example]}" "${RPS[example]}") µs; per health request $(per_request "${CPU[framework]}" "${RPS[framework]}") µs; broker per message of its own producer $(per_request "$BROKER_CEILING_CPU" "$BROKER_CEILING") µs"
  echo "- Service CPU per entity: 100-entity trees $(per_request "${CPU[tree100]}" $(( RPS[tree100] * 100 ))) µs, 1,000-entity trees $(per_request "${CPU[tree1000]}" $(( RPS[tree1000] * 1000 ))) µs"
  echo "- Peak RSS of the service under load: ${PEAK_RSS} MB with default JVM sizing; ${SMALL_RSS} MB with \`${SMALL_FLAGS[*]}\`"
  echo "- Start-up to the first 202 (median of 5; API key, so it includes one Argon2id check): plain jar ${STARTUP_PLAIN} ms;"
  echo "  aot-jar with the AOT cache trained by scripts/aot-train.sh ${STARTUP_AOT} ms, and ${STARTUP_AOT_SMALL} ms with \`${SMALL_FLAGS[*]}\`"
} | tee "$RESULTS"

# --- Bearer token against API key: single-entity dry runs -------------------------------------------------------
# Nothing reaches the broker, so the rows compare the cost of the two ways of authenticating. A throwaway RSA key
# signs one RS256 token valid for a day; its public half is given to the service as a JWKS file. The pair runs on
# one service start; the third row starts it again with the Bearer token cache off (what every request cost
# before the cache).
BEARER_ISSUER=https://issuer.bench.invalid
BEARER_AUDIENCE=threat-ingest
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/bearer-key.pem" 2> /dev/null
printf '{"keys":[{"kty":"RSA","kid":"bench-1","alg":"RS256","use":"sig","n":"%s","e":"AQAB"}]}\n' \
  "$(openssl rsa -in "$WORK/bearer-key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)" > "$WORK/bearer-jwks.json"
bearer_now=$(date +%s)
bearer_signed="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench-1"}' | b64url).$(printf \
  '{"iss":"%s","aud":"%s","sub":"bench-load","roles":["reporter"],"groups":["public"],"iat":%d,"exp":%d}' \
  "$BEARER_ISSUER" "$BEARER_AUDIENCE" "$bearer_now" $((bearer_now + 86400)) | b64url)"
BEARER_TOKEN_VALUE="$bearer_signed.$(printf '%s' "$bearer_signed" | openssl dgst -sha256 -sign "$WORK/bearer-key.pem" -binary | b64url)"
BEARER_ARGS=(-Dmp.jwt.verify.publickey.location="file:$PWD/$WORK/bearer-jwks.json"
  -Dmp.jwt.verify.issuer="$BEARER_ISSUER" -Dmp.jwt.verify.audiences="$BEARER_AUDIENCE")
DRY_RUN_URL="$BODY_URL?dryRun=true"
start_service "${BEARER_ARGS[@]}"
wait_ready || { echo "the service did not start with a JWKS file; see $WORK/service.log" >&2; exit 1; }
echo "POST /entity?dryRun=true: reference example, API key, then Bearer token"
DURATION=10 measure warmup "$DRY_RUN_URL" "$WORK/example.json"
BEARER_TOKEN=$BEARER_TOKEN_VALUE DURATION=10 measure warmup "$DRY_RUN_URL" "$WORK/example.json"
# alternated twice: the machine's speed drifts within minutes, and one pair can be off by 20% either way
measure dryrun-key "$DRY_RUN_URL" "$WORK/example.json"
BEARER_TOKEN=$BEARER_TOKEN_VALUE measure dryrun-bearer "$DRY_RUN_URL" "$WORK/example.json"
measure dryrun-key2 "$DRY_RUN_URL" "$WORK/example.json"
BEARER_TOKEN=$BEARER_TOKEN_VALUE measure dryrun-bearer2 "$DRY_RUN_URL" "$WORK/example.json"
stop_service
start_service "${BEARER_ARGS[@]}" -Dingest.auth.token-cache.max-size=0
wait_ready || { echo "the service did not start with a JWKS file; see $WORK/service.log" >&2; exit 1; }
echo "POST /entity?dryRun=true: reference example, Bearer token, token cache off"
BEARER_TOKEN=$BEARER_TOKEN_VALUE DURATION=10 measure warmup "$DRY_RUN_URL" "$WORK/example.json"
BEARER_TOKEN=$BEARER_TOKEN_VALUE measure dryrun-bearer-uncached "$DRY_RUN_URL" "$WORK/example.json"
stop_service
{
  echo
  echo "Bearer token against API key, POST /entity?dryRun=true with the reference example (nothing published):"
  echo
  echo "| Measurement | Requests/s | p50 | p99 | max | Service CPU (cores) | µs service CPU per request |"
  echo "|---|---|---|---|---|---|---|"
  for row in dryrun-key dryrun-bearer dryrun-key2 dryrun-bearer2 dryrun-bearer-uncached; do
    case $row in
      dryrun-key*) label="API key (verified secret remembered)" ;;
      dryrun-bearer|dryrun-bearer2) label="Bearer RS256 token, token cache on" ;;
      *) label="Bearer RS256 token, token cache off" ;;
    esac
    echo "| $label | ${RPS[$row]} | ${P50[$row]} | ${P99[$row]} | ${MAX[$row]} | ${CPU[$row]} | $(per_request "${CPU[$row]}" "${RPS[$row]}") |"
  done
  echo
  echo "- Bearer / API key (dry runs): $(ratio "${RPS[dryrun-bearer]}" "${RPS[dryrun-key]}") and $(ratio "${RPS[dryrun-bearer2]}" "${RPS[dryrun-key2]}") (two alternated pairs), both pairs together $(ratio $(( RPS[dryrun-bearer] + RPS[dryrun-bearer2] )) $(( RPS[dryrun-key] + RPS[dryrun-key2] ))); with the token cache off: $(ratio "${RPS[dryrun-bearer-uncached]}" "${RPS[dryrun-key]}")"
} | tee -a "$RESULTS"
echo "written to $RESULTS"
