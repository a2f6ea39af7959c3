#!/usr/bin/env bash
# Benchmark of publishing through the reactive messaging channels, on one machine, measured with wrk. It measures
# and prints; it asserts nothing.
#   1. AMQP, channels against the direct path, side by side: the packaged service of HEAD (the working tree) and of
#      DIRECT_COMMIT (04f5133, the last commit that published through BrokerConnection itself), both running
#      against one standalone Apache Artemis (durable queues, persistence on, as bench/run.sh), measured in turns
#      (A B, then B A, ...): POST /entity with the reference example and POST /batch of 100 single-entity items.
#   2. Kafka: a real Kafka broker (KRaft, one node, a JVM of its own from the jars the build lists in
#      target/kafka/classpath), Kafka's own producer (ProducerPerformance: acks=all, idempotent, unlimited
#      throughput, records of the size of the service's events), and the service of HEAD with every channel on
#      Kafka, POST /entity and POST /batch as above, in turns. ProducerPerformance runs twice a round: with
#      Kafka's default producer settings (as many records in flight as its 32 MiB buffer holds), and at the
#      service's records in flight: a producer batch of CONNECTIONS records and a buffer of that one batch, so that
#      at most CONNECTIONS records are waiting for Kafka, as with CONNECTIONS requests waiting for their 202.
#   3. When the channels are more than 10% slower than the direct path on AMQP (mean requests/s of the rounds), or
#      with PROFILE=1: a JFR recording of each jar under the reference example's load, with the top frames and
#      where the samples' stacks run (the recordings stay in target/bench-channels).
# Writes the figures with the machine description to bench/results/<date>-channels.md.
#
#   bench/channels.sh                      # 20 s per measurement, 4 rounds, 32 connections
#   ROUNDS=5 DURATION=15 bench/channels.sh
#   SKIP_BUILD=1 bench/channels.sh         # reuse the jars and classpaths of the last run in target/bench-channels
#   SKIP_KAFKA=1 PROFILE=1 bench/channels.sh   # AMQP only, with the JFR recordings whatever the ratio
#   SKIP_AMQP=1 bench/channels.sh          # Kafka only (the direct path is not built)
#   DURATION=3 WARMUP=3 ROUNDS=1 RESULTS=/tmp/try.md bench/channels.sh   # a quick try that keeps the results file
#
# Needs a JDK (Temurin 25 when installed, as bench/run.sh), wrk and curl. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
ROUNDS=${ROUNDS:-4}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DIRECT_COMMIT=${DIRECT_COMMIT:-04f5133}
DIRECT_PORT=${DIRECT_PORT:-18083}
CHANNELS_PORT=${CHANNELS_PORT:-18084}
KAFKA_SERVICE_PORT=${KAFKA_SERVICE_PORT:-18085}
KAFKA_PORT=${KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' pom.xml)
WORK=target/bench-channels
RESULTS=${RESULTS:-bench/results/$(date +%Y-%m-%d)-channels.md}
# its own ports: bench/run.sh and the standalone broker suite use the offset 1000
ARTEMIS_PORT_OFFSET=${ARTEMIS_PORT_OFFSET:-2000}
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh
# shellcheck source=scripts/lib/maven.sh
. scripts/lib/maven.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh
JDK_BIN=$(dirname "$(readlink -f "$(command -v "$JAVA")")")

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
declare -A PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  artemis_stop
  wait 2> /dev/null || true
  if [ -d "$WORK/direct-src" ]; then git worktree remove --force "$WORK/direct-src" || true; fi
}
trap cleanup EXIT
mkdir -p "$WORK" bench/results

# --- builds: both jars, Kafka's server classpath (the build's own list) and the client tools' classpath ---------
BUILD=(./mvnw -B -q package -Dmaven.test.skip=true -Dcodegen.skip=true)
if [ -z "${SKIP_BUILD:-}" ]; then
  rm -rf "$WORK/apps"; mkdir -p "$WORK/apps"
  if [ -z "${SKIP_AMQP:-}" ]; then
    echo "building the direct path ($DIRECT_COMMIT) in a temporary worktree"
    git worktree add --detach "$WORK/direct-src" "$DIRECT_COMMIT" > /dev/null
    (cd "$WORK/direct-src" && "${BUILD[@]}") > "$WORK/build-direct.log" 2>&1 \
      || { echo "the build of $DIRECT_COMMIT failed; see $WORK/build-direct.log" >&2; exit 1; }
    cp -r "$WORK/direct-src/target/quarkus-app" "$WORK/apps/direct"
    git worktree remove --force "$WORK/direct-src"
  fi
  echo "building the channels (HEAD, working tree)"
  "${BUILD[@]}" > "$WORK/build-channels.log" 2>&1 \
    || { echo "the build of the working tree failed; see $WORK/build-channels.log" >&2; exit 1; }
  cp -r target/quarkus-app "$WORK/apps/channels"
  echo "resolving Kafka $KAFKA_VERSION: the broker's jars (target/kafka/classpath) and kafka-tools"
  ./mvnw -B -q antrun:run@kafka-server-classpath
  mkdir -p "$WORK/kafka-tools"
  coordinates_pom "$WORK/kafka-tools/pom.xml" "org.apache.kafka:kafka-tools:$KAFKA_VERSION"
  ./mvnw -B -q -f "$WORK/kafka-tools/pom.xml" dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=classpath.txt
fi
NEEDED=("$WORK/apps/channels/quarkus-run.jar" target/kafka/classpath "$WORK/kafka-tools/classpath.txt")
[ -n "${SKIP_AMQP:-}" ] || NEEDED+=("$WORK/apps/direct/quarkus-run.jar")
for f in "${NEEDED[@]}"; do
  [ -f "$f" ] || { echo "$f is missing: run without SKIP_BUILD" >&2; exit 1; }
done
KAFKA_SERVER_CP=$(paste -sd: target/kafka/classpath)
KAFKA_TOOLS_CP=$(cat "$WORK/kafka-tools/classpath.txt")
HEAD_COMMIT=$(git rev-parse --short HEAD)
HEAD_DIRTY=$(git status --porcelain -- src pom.xml | head -c 1)

# --- shared pieces ------------------------------------------------------------------------------------------------
example_body "$WORK/example.json"
batch 100 > "$WORK/batch100.json"
# service_key_file runs target/quarkus-app, the HEAD build: the same key file serves both jars.
service_key_file "$WORK/api-keys.jsonl"
declare -A RPS P99 CPU BROKER_CPU LOAD_BEFORE LOAD_AFTER RECORDS
# start_app NAME APP PORT [JVM options...]: one packaged service in the background, PIDS[NAME]
start_app() {
  local name=$1 app=$2 port=$3
  shift 3
  if port_in_use "$port"; then echo "127.0.0.1:$port is already in use" >&2; exit 1; fi
  "$JAVA" "$@" -Dquarkus.http.port="$port" -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" \
    -jar "$WORK/apps/$app/quarkus-run.jar" > "$WORK/service-$name.log" 2>&1 &
  PIDS[$name]=$!
  wait_ready "$port" || { echo "$name did not become ready; see $WORK/service-$name.log" >&2; exit 1; }
}
stop_app() { kill "${PIDS[$1]}" 2> /dev/null || true; wait "${PIDS[$1]}" 2> /dev/null || true; unset "PIDS[$1]"; }
# measure ROW SERVICE BROKER_PID URL BODY_FILE: one wrk run; requests/s, p99, the CPU of the service and the broker,
# and the load average before and after.
measure() {
  local row=$1 pid=${PIDS[$2]} broker=$3 out="$WORK/wrk-$1.txt" before broker_before
  LOAD_BEFORE[$row]=$(load1)
  before=$(pid_ticks "$pid")
  broker_before=$(pid_ticks "$broker")
  wrk_post "$out" "$4" "$5"
  CPU[$row]=$(cores_used $(( $(pid_ticks "$pid") - before )) "$DURATION")
  BROKER_CPU[$row]=$(cores_used $(( $(pid_ticks "$broker") - broker_before )) "$DURATION")
  RPS[$row]=$(wrk_rps "$out")
  P99[$row]=$(awk '$1 == "99%" {print $2}' "$out")
  LOAD_AFTER[$row]=$(load1)
  printf '  %-26s %7s req/s  p99 %-8s service %s cores, broker %s cores, load %s -> %s\n' "$row" "${RPS[$row]}" \
    "${P99[$row]}" "${CPU[$row]}" "${BROKER_CPU[$row]}" "${LOAD_BEFORE[$row]}" "${LOAD_AFTER[$row]}"
}
url() { echo "http://127.0.0.1:$1/api/ingest/v1/$2"; }
# mean PREFIX [ARRAY]: the mean of ARRAY (default RPS) over the rows PREFIX-1 .. PREFIX-ROUNDS
mean() {
  local -n values=${2:-RPS}
  local r sum=0
  for r in $(seq 1 "$ROUNDS"); do sum=$((sum + values[$1-$r])); done
  echo $((sum / ROUNDS))
}
per_request() { awk -v c="$1" -v r="$2" 'BEGIN {printf "%.0f", (r > 0 ? 1e6 * c / r : 0)}'; }
# us_per_request PREFIX: µs of service CPU per request over the rows PREFIX-1 .. PREFIX-ROUNDS together
us_per_request() {
  local r cores=0 requests=0
  for r in $(seq 1 "$ROUNDS"); do
    cores=$(awk -v a="$cores" -v b="${CPU[$1-$r]}" 'BEGIN {print a + b}')
    requests=$((requests + RPS[$1-$r]))
  done
  per_request "$cores" "$requests"
}
machine() {
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), shared (load average in each row)."
  echo "Service JVM: $("$JAVA" -version 2>&1 | head -n 1), default flags. Quarkus $(sed -n 's:.*<quarkus.version>\(.*\)</quarkus.version>.*:\1:p' pom.xml | head -n 1)."
  echo "Channels: HEAD $HEAD_COMMIT${HEAD_DIRTY:+ (with uncommitted changes in src or pom.xml)}${SKIP_AMQP:-; direct path: $DIRECT_COMMIT}."
  echo "Load: wrk, $THREADS threads, $CONNECTIONS connections, ${DURATION} s per row after ${WARMUP} s of warm-up per body and service; client, service and broker on the same machine."
}

# --- 1. AMQP: channels against the direct path --------------------------------------------------------------------
if [ -z "${SKIP_AMQP:-}" ]; then
artemis_create "$WORK"
artemis_start "$WORK/artemis.log"
AMQP_ARGS=(-Dingest.broker.port="$ARTEMIS_AMQP_PORT" -Dingest.broker.username=ingest -Dingest.broker.password=ingest)
start_app direct direct "$DIRECT_PORT" "${AMQP_ARGS[@]}"
start_app channels channels "$CHANNELS_PORT" "${AMQP_ARGS[@]}"
declare -A PORT=([direct]=$DIRECT_PORT [channels]=$CHANNELS_PORT)
# Every row starts from an empty queue, so that no row pays for the messages of the one before.
purge_queue() { artemis_purge ingest.entities; }
echo "AMQP: warm-up"
for app in direct channels; do
  DURATION=$WARMUP measure "warmup-$app" "$app" "$ARTEMIS_PID" "$(url "${PORT[$app]}" entity)" "$WORK/example.json"
  DURATION=$WARMUP measure "warmup-$app" "$app" "$ARTEMIS_PID" "$(url "${PORT[$app]}" batch)" "$WORK/batch100.json"
done
# In turns, and the first of a pair changes each round (A B, B A, A B, ...), so that a drift of the machine's speed
# (JIT compilation going on, the other load on the machine) does not favour one side.
echo "AMQP: $ROUNDS rounds, both services for each body, direct first in odd rounds and channels first in even ones"
for round in $(seq 1 "$ROUNDS"); do
  order=(direct channels)
  [ $((round % 2)) = 1 ] || order=(channels direct)
  for body in entity batch; do
    file=$WORK/example.json
    [ "$body" = batch ] && file=$WORK/batch100.json
    for app in "${order[@]}"; do
      purge_queue
      measure "amqp-$body-$app-$round" "$app" "$ARTEMIS_PID" "$(url "${PORT[$app]}" "$body")" "$file"
    done
  done
done

# --- 3. JFR when the channels are more than 10% slower (or PROFILE=1) ---------------------------------------------
ENTITY_RATIO=$(awk -v c="$(mean amqp-entity-channels)" -v d="$(mean amqp-entity-direct)" 'BEGIN {print (d > 0 ? c / d : 0)}')
BATCH_RATIO=$(awk -v c="$(mean amqp-batch-channels)" -v d="$(mean amqp-batch-direct)" 'BEGIN {print (d > 0 ? c / d : 0)}')
PROFILED=
# stacks: reads `jfr print --events jdk.ExecutionSample` and prints: the samples by thread; the top frames (the
# method running when sampled); for groups of packages, the share of samples with the group anywhere on the stack;
# for the messaging packages, the methods most often on the stack (each counted once a sample); and where the
# samples that wake an event loop up come from.
GROUPS_OF_PACKAGES="reactive messaging (io.smallrye.reactive.messaging);Mutiny (io.smallrye.mutiny);\
CloudEvents metadata (io.smallrye.reactive.messaging.ce);SmallRye context propagation (io.smallrye.context);\
the service, messaging (io.threatingest.messaging);the service, all (io.threatingest);\
AMQP client (io.vertx.amqp, io.vertx.proton, org.apache.qpid);Kafka client (org.apache.kafka);\
Jackson (com.fasterxml.jackson);REST layer (org.jboss.resteasy.reactive);Netty (io.netty);\
OpenTelemetry (io.opentelemetry);Argon2 / API key check (org.bouncycastle)"
stacks() {
  awk -v groups="$GROUPS_OF_PACKAGES" '
    function flush(   i, g, m, seen, counted) {
      if (n == 0) return
      samples++
      threads[thread]++
      top[frames[1]]++
      if (frames[1] ~ /[.]wakeup[(]/) {
        for (i = 2; i <= n && frames[i] ~ /^(io[.]netty|io[.]vertx[.]core|java)[.]/; i++) continue
        wakeups[i <= n ? frames[i] : "?"]++
      }
      for (i = 1; i <= n; i++) {
        for (g in pattern) if (!(g in seen) && frames[i] ~ pattern[g]) { seen[g] = 1; any[g]++ }
        if (frames[i] ~ /^io[.](threatingest[.]messaging|smallrye[.]reactive[.]messaging)[.]/) {
          m = frames[i]
          if (!(m in counted)) { counted[m] = 1; on_stack[m]++ }
        }
      }
      n = 0
    }
    function list(title, counts, cmd,   k) {
      printf "\n%s\n", title
      for (k in counts) printf "%6.1f%%  %s\n", 100 * counts[k] / samples, k | cmd
      close(cmd)
    }
    BEGIN {
      # a group: a name, then in brackets the packages it stands for
      split(groups, names, ";")
      for (i in names) {
        p = names[i]; sub(/^[^(]*[(]/, "", p); sub(/[)]$/, "", p); gsub(/[.]/, "[.]", p); gsub(/, /, "|", p)
        pattern[names[i]] = "^(" p ")[.]"
      }
    }
    /sampledThread = / { flush(); thread = $0; sub(/^[^"]*"/, "", thread); sub(/".*/, "", thread); sub(/-?[0-9]+$/, "", thread) }
    /stackTrace = \[/ { inside = 1; next }
    inside && /^[[:space:]]*\]/ { inside = 0; next }
    inside && /[.][^.]+\(/ { line = $0; sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+line:.*/, "", line); frames[++n] = line }
    END {
      flush()
      printf "%d execution samples\n", samples
      list("samples by thread:", threads, "sort -rn")
      list("top frames:", top, "sort -rn | head -n 15")
      list("samples with the group anywhere on the stack:", any, "sort -rn")
      list("messaging methods most often on the stack:", on_stack, "sort -rn | head -n 12")
      list("an event loop woken up (a task handed to another thread), by the first caller past Netty, Vert.x and the JDK:", wakeups, "sort -rn | head -n 5")
    }'
}
# profile APP: a JFR recording (profile settings) over DURATION s of the reference example's load, summarised.
profile() {
  local app=$1 file=$PWD/$WORK/$1.jfr
  "$JDK_BIN/jcmd" "${PIDS[$app]}" JFR.start name=bench settings=profile filename="$file" > /dev/null
  purge_queue
  measure "profile-$app" "$app" "$ARTEMIS_PID" "$(url "${PORT[$app]}" entity)" "$WORK/example.json"
  "$JDK_BIN/jcmd" "${PIDS[$app]}" JFR.stop name=bench > /dev/null
  "$JDK_BIN/jfr" print --events jdk.ExecutionSample --stack-depth 256 "$file" | stacks > "$WORK/profile-$app.txt"
  "$JDK_BIN/jfr" view --width 200 allocation-by-class "$file" > "$WORK/allocation-$app.txt" 2>&1 || true
  "$JDK_BIN/jfr" view --width 200 gc-pauses "$file" > "$WORK/gc-pauses-$app.txt" 2>&1 || true
}
if [ -n "${PROFILE:-}" ] || awk -v e="$ENTITY_RATIO" -v b="$BATCH_RATIO" 'BEGIN {exit !(e < 0.9 || b < 0.9)}'; then
  echo "JFR: channels and direct path under the reference example's load"
  profile channels
  profile direct
  PROFILED=1
fi
stop_app direct
stop_app channels
artemis_stop
fi

# --- 2. Kafka: its own producer, and the service with every channel on Kafka --------------------------------------
if [ -z "${SKIP_KAFKA:-}" ]; then
  echo "Kafka $KAFKA_VERSION: format and start (KRaft, one node, 127.0.0.1:$KAFKA_PORT)"
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_in_use "$port"; then echo "127.0.0.1:$port is already in use: set another KAFKA_PORT" >&2; exit 1; fi
  done
  KAFKA_DIR=$PWD/$WORK/kafka
  rm -rf "$KAFKA_DIR"; mkdir -p "$KAFKA_DIR"
  printf '%s\n' \
    "process.roles=broker,controller" \
    "node.id=1" \
    "controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT" \
    "listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT" \
    "advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT" \
    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT" \
    "controller.listener.names=CONTROLLER" \
    "inter.broker.listener.name=PLAINTEXT" \
    "log.dirs=$KAFKA_DIR/data" \
    "offsets.topic.replication.factor=1" \
    "transaction.state.log.replication.factor=1" \
    "transaction.state.log.min.isr=1" \
    "share.coordinator.state.topic.replication.factor=1" \
    "share.coordinator.state.topic.min.isr=1" \
    "num.partitions=1" \
    "auto.create.topics.enable=true" \
    "group.initial.rebalance.delay.ms=0" > "$KAFKA_DIR/server.properties"
  printf 'rootLogger.level = warn\nrootLogger.appenderRef.out.ref = out\nappender.out.type = Console\nappender.out.name = out\nappender.out.layout.type = PatternLayout\nappender.out.layout.pattern = %%d %%-5p [%%c{1}] %%m%%n\n' \
    > "$KAFKA_DIR/log4j2.properties"
  KAFKA_JVM=(-Xms1g -Xmx1g "-Dlog4j2.configurationFile=$KAFKA_DIR/log4j2.properties" -cp "$KAFKA_SERVER_CP")
  "$JAVA" "${KAFKA_JVM[@]}" kafka.tools.StorageTool format --standalone --config "$KAFKA_DIR/server.properties" \
    --cluster-id "$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')" > "$KAFKA_DIR/format.log" 2>&1
  "$JAVA" "${KAFKA_JVM[@]}" kafka.Kafka "$KAFKA_DIR/server.properties" > "$KAFKA_DIR/kafka.log" 2>&1 &
  PIDS[broker]=$!
  wait_port "$KAFKA_PORT" || { echo "Kafka did not start; see $KAFKA_DIR/kafka.log" >&2; exit 1; }
  BOOTSTRAP=127.0.0.1:$KAFKA_PORT
  # kafka_tool CLASS ARGS...: a class of kafka-tools (org.apache.kafka.tools.), its log in the work directory
  kafka_tool() { "$JAVA" -cp "$KAFKA_TOOLS_CP" "org.apache.kafka.tools.$1" "${@:2}" 2>> "$WORK/kafka-tools.log"; }
  for topic in ingest.entities bench.producer-performance; do
    for attempt in $(seq 1 30); do
      kafka_tool TopicCommand --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
        --partitions 1 --replication-factor 1 > /dev/null && break
      [ "$attempt" = 30 ] && { echo "topic $topic was not created; see $WORK/kafka-tools.log" >&2; exit 1; }
      sleep 1
    done
  done
  end_offset() { kafka_tool GetOffsetShell --bootstrap-server "$BOOTSTRAP" --topic ingest.entities | awk -F: '{print $3}'; }

  # The service with every channel on Kafka (README, "Choosing the broker"), with the shipped settings.
  export KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP
  for channel in ENTITIES ASSOCIATIONS COMMENTS SCANS; do export "MP_MESSAGING_OUTGOING_${channel}_CONNECTOR=smallrye-kafka"; done
  export MP_MESSAGING_INCOMING_SCAN_STATUS_CONNECTOR=smallrye-kafka
  start_app onkafka channels "$KAFKA_SERVICE_PORT"
  unset KAFKA_BOOTSTRAP_SERVERS MP_MESSAGING_INCOMING_SCAN_STATUS_CONNECTOR
  for channel in ENTITIES ASSOCIATIONS COMMENTS SCANS; do unset "MP_MESSAGING_OUTGOING_${channel}_CONNECTOR"; done

  # One request of each body, then the records they made: how many, and their size (value, key and headers).
  post_once() {
    curl -sf -o /dev/null -X POST "$(url "$KAFKA_SERVICE_PORT" "$1")" -H 'Content-Type: application/json' \
      -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" --data-binary "@$2"
  }
  post_once entity "$WORK/example.json"
  ENTITY_RECORDS=$(end_offset)
  post_once batch "$WORK/batch100.json"
  BATCH_RECORDS=$(( $(end_offset) - ENTITY_RECORDS ))
  kafka_tool consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" --topic ingest.entities --from-beginning \
    --max-messages $((ENTITY_RECORDS + BATCH_RECORDS)) --timeout-ms 20000 --property print.key=true \
    --property print.headers=true > "$WORK/records.txt"
  # a line: headers (name:value,...) TAB key TAB value; the sizes are in bytes
  record_sizes() { # FIRST LAST: mean value, key and header bytes of those lines
    LC_ALL=C awk -F'\t' -v a="$1" -v b="$2" 'NR >= a && NR <= b {
        n++; v += length($3); k += length($2); h += length($1) - 2 * gsub(/,/, ",", $1) - 1 }
      END {printf "%.0f %.0f %.0f\n", v / n, k / n, h / n}' "$WORK/records.txt"
  }
  read -r ENTITY_VALUE ENTITY_KEY ENTITY_HEADERS < <(record_sizes 1 "$ENTITY_RECORDS")
  read -r BATCH_VALUE BATCH_KEY BATCH_HEADERS < <(record_sizes $((ENTITY_RECORDS + 1)) $((ENTITY_RECORDS + BATCH_RECORDS)))
  echo "  an entity request makes $ENTITY_RECORDS record of $ENTITY_VALUE B (key $ENTITY_KEY B, headers ~$ENTITY_HEADERS B);"
  echo "  a batch of 100 makes $BATCH_RECORDS record(s) of $BATCH_VALUE B (key $BATCH_KEY B, headers ~$BATCH_HEADERS B)"

  # perf ROW SIZE: ProducerPerformance with records of SIZE bytes (the value alone: no key, no headers) for about
  # DURATION s, calibrated on a first run of 64 MiB; records/s in RPS[ROW].
  declare -A PERF_RATE
  # With a third argument, in_flight: at most CONNECTIONS records in flight (batch.size CONNECTIONS records and
  # 100 B of record overhead each, buffer.memory that one batch: the next batch waits for the last one's
  # acknowledgement).
  perf() {
    local row=$1 size=$2 records broker_before out="$WORK/perf-$1.txt" limit=() first=64
    if [ -n "${3:-}" ]; then
      limit=("batch.size=$((CONNECTIONS * (size + 100)))" "buffer.memory=$((CONNECTIONS * (size + 100)))")
      first=8
    fi
    records=$(( ${PERF_RATE[$size${3:+-$3}]:-0} * DURATION ))
    [ "$records" -gt 0 ] || records=$(( first * 1024 * 1024 / size ))
    LOAD_BEFORE[$row]=$(load1)
    broker_before=$(pid_ticks "${PIDS[broker]}")
    SECONDS=0
    kafka_tool ProducerPerformance --topic bench.producer-performance --num-records "$records" --record-size "$size" \
      --throughput -1 --producer-props "bootstrap.servers=$BOOTSTRAP" acks=all enable.idempotence=true "${limit[@]}" \
      > "$out"
    BROKER_CPU[$row]=$(cores_used $(( $(pid_ticks "${PIDS[broker]}") - broker_before )) "$((SECONDS > 0 ? SECONDS : 1))")
    RPS[$row]=$(awk '/records sent/ && /50th/ {printf "%.0f", $4}' "$out")
    P99[$row]=$(awk '/records sent/ && /50th/ {for (i = 1; i + 2 <= NF; i++) if ($(i + 2) == "99th,") print $i " ms"}' "$out")
    LOAD_AFTER[$row]=$(load1)
    PERF_RATE[$size${3:+-$3}]=${RPS[$row]}
    printf '  %-26s %7s records/s (%s records)  p99 %s  broker %s cores, load %s -> %s\n' "$row" "${RPS[$row]}" \
      "$records" "${P99[$row]}" "${BROKER_CPU[$row]}" "${LOAD_BEFORE[$row]}" "${LOAD_AFTER[$row]}"
  }
  # kafka_row ROW BODY FILE: measure, with the records the row added to ingest.entities per second in RECORDS[ROW]
  kafka_row() {
    local before
    before=$(end_offset)
    measure "$1" onkafka "${PIDS[broker]}" "$(url "$KAFKA_SERVICE_PORT" "$2")" "$3"
    RECORDS[$1]=$(( ($(end_offset) - before) / DURATION ))
  }
  echo "Kafka: warm-up (ProducerPerformance calibration runs, and the service)"
  perf perf-calibrate-entity "$ENTITY_VALUE"
  perf perf-calibrate-entity-in-flight "$ENTITY_VALUE" in_flight
  perf perf-calibrate-batch "$BATCH_VALUE"
  perf perf-calibrate-batch-in-flight "$BATCH_VALUE" in_flight
  DURATION=$WARMUP measure warmup-kafka onkafka "${PIDS[broker]}" "$(url "$KAFKA_SERVICE_PORT" entity)" "$WORK/example.json"
  DURATION=$WARMUP measure warmup-kafka onkafka "${PIDS[broker]}" "$(url "$KAFKA_SERVICE_PORT" batch)" "$WORK/batch100.json"
  echo "Kafka: $ROUNDS rounds, ProducerPerformance then the service for each size"
  for round in $(seq 1 "$ROUNDS"); do
    perf "kafka-perf-entity-$round" "$ENTITY_VALUE"
    perf "kafka-perfcap-entity-$round" "$ENTITY_VALUE" in_flight
    kafka_row "kafka-entity-$round" entity "$WORK/example.json"
    perf "kafka-perf-batch-$round" "$BATCH_VALUE"
    perf "kafka-perfcap-batch-$round" "$BATCH_VALUE" in_flight
    kafka_row "kafka-batch-$round" batch "$WORK/batch100.json"
  done
  stop_app onkafka
  stop_app broker
fi

# --- results ------------------------------------------------------------------------------------------------------
amqp_row() { # BODY LABEL
  local r app row
  for r in $(seq 1 "$ROUNDS"); do
    for app in direct channels; do
      row=amqp-$1-$app-$r
      echo "| $2, $app, round $r | ${RPS[$row]} | ${P99[$row]} | ${CPU[$row]} | $(per_request "${CPU[$row]}" "${RPS[$row]}") | ${BROKER_CPU[$row]} | ${LOAD_BEFORE[$row]} → ${LOAD_AFTER[$row]} |"
    done
    echo "| $2, channels / direct, round $r | $(ratio "${RPS[amqp-$1-channels-$r]}" "${RPS[amqp-$1-direct-$r]}") | | | | | |"
  done
}
kafka_rows() { # BODY LABEL RECORDS_PER_REQUEST
  local r perf_row cap_row row
  for r in $(seq 1 "$ROUNDS"); do
    perf_row=kafka-perf-$1-$r cap_row=kafka-perfcap-$1-$r row=kafka-$1-$r
    echo "| ProducerPerformance, records of the $2's size, default settings, round $r | | ${RPS[$perf_row]} | ${P99[$perf_row]} | | | ${BROKER_CPU[$perf_row]} | ${LOAD_BEFORE[$perf_row]} → ${LOAD_AFTER[$perf_row]} |"
    echo "| ProducerPerformance, records of the $2's size, at most $CONNECTIONS in flight, round $r | | ${RPS[$cap_row]} | ${P99[$cap_row]} | | | ${BROKER_CPU[$cap_row]} | ${LOAD_BEFORE[$cap_row]} → ${LOAD_AFTER[$cap_row]} |"
    echo "| Service, POST /$1 ($2), round $r | ${RPS[$row]} | ${RECORDS[$row]} | ${P99[$row]} | ${CPU[$row]} | $(per_request "${CPU[$row]}" "${RECORDS[$row]}") | ${BROKER_CPU[$row]} | ${LOAD_BEFORE[$row]} → ${LOAD_AFTER[$row]} |"
    echo "| Service / ProducerPerformance at $CONNECTIONS in flight (and with default settings), records/s, round $r | | $(ratio "${RECORDS[$row]}" "${RPS[$cap_row]}") ($(ratio "${RECORDS[$row]}" "${RPS[$perf_row]}")) | | | | | |"
  done
}
kafka_results() {
  echo "## Kafka: the service with every channel on Kafka, against Kafka's own producer"
  echo
  echo "ProducerPerformance (kafka-tools $KAFKA_VERSION): \`--throughput -1\`, \`acks=all\`, \`enable.idempotence=true\`, about ${DURATION} s a run (the record count from a calibration run), twice a round: with the other producer settings at their defaults (\`max.in.flight.requests.per.connection\` 5, \`linger.ms\` 5, \`batch.size\` 16384, \`buffer.memory\` 32 MiB: thousands of records waiting for Kafka at once), and at the service's records in flight: \`batch.size\` $CONNECTIONS records (and 100 B each), \`buffer.memory\` that one batch, so at most $CONNECTIONS records wait for Kafka, as the service's $CONNECTIONS connections each wait for one record's acknowledgement (the service's producer may spread them over several requests in flight; this one sends one batch at a time). The service runs with the shipped settings (Kafka's producer defaults, \`acks=all\`, idempotent)."
  echo "Its records carry the value alone, of the size of the service's event value: ${ENTITY_VALUE} B for the reference example; ${BATCH_VALUE} B for the batch of 100, which makes ${BATCH_RECORDS} record(s). The service's records also carry a key (${ENTITY_KEY} B) and CloudEvents headers (about ${ENTITY_HEADERS} B of names and values)."
  echo
  echo "| Row | Requests/s | Records/s | p99 | Service CPU (cores) | µs service CPU per record | Kafka broker CPU (cores) | Load average before → after |"
  echo "|---|---|---|---|---|---|---|---|"
  kafka_rows entity "reference example"
  kafka_rows batch "batch of 100"
  echo
  echo "- Service / ProducerPerformance at $CONNECTIONS records in flight, records/s, mean of the rounds: reference example $(ratio "$(mean kafka-entity RECORDS)" "$(mean kafka-perfcap-entity)") ($(mean kafka-entity RECORDS) against $(mean kafka-perfcap-entity)), batches of 100 $(ratio "$(mean kafka-batch RECORDS)" "$(mean kafka-perfcap-batch)") ($(mean kafka-batch RECORDS) against $(mean kafka-perfcap-batch); $((100 / BATCH_RECORDS)) entities per record); goal: at least 80%"
  echo "- Against ProducerPerformance with its default settings: reference example $(ratio "$(mean kafka-entity RECORDS)" "$(mean kafka-perf-entity)") ($(mean kafka-perf-entity) records/s), batches of 100 $(ratio "$(mean kafka-batch RECORDS)" "$(mean kafka-perf-batch)") ($(mean kafka-perf-batch))"
}
{
  if [ -n "${SKIP_AMQP:-}" ]; then
    echo "# Kafka: the service's channels against Kafka's own producer: $(date +%Y-%m-%d)"
  else
    echo "# Channels against the direct path, and Kafka: $(date +%Y-%m-%d)"
  fi
  echo
  machine
  echo "Brokers: ${SKIP_AMQP:-Apache Artemis $ARTEMIS_VERSION (NIO journal, persistence on, durable queues); }Apache Kafka $KAFKA_VERSION (KRaft, one node, \`-Xmx1g\`, default flush settings: acknowledged once in the page cache)."
  echo "Bodies: POST /entity with the reference example ($(wc -c < "$WORK/example.json") B), POST /batch of 100 single-entity items ($(wc -c < "$WORK/batch100.json") B; packed, \`ingest.batch.trees-per-event\` default 100)."
  echo
  [ -z "${SKIP_AMQP:-}" ] || { kafka_results; exit 0; }
  echo "## AMQP (Artemis): channels ($HEAD_COMMIT) against the direct path ($DIRECT_COMMIT), in turns"
  echo
  echo "Both services run side by side, each row starts from an empty queue; one event per request in both bodies. In each round both services are measured for one body, then for the other: the direct path first in odd rounds, the channels first in even rounds."
  echo
  echo "| Row | Requests/s | p99 | Service CPU (cores) | µs service CPU per request | Broker CPU (cores) | Load average before → after |"
  echo "|---|---|---|---|---|---|---|"
  amqp_row entity "POST /entity, reference example"
  amqp_row batch "POST /batch, 100 items"
  echo
  echo "- Channels / direct, mean of the rounds: POST /entity $(ratio "$(mean amqp-entity-channels)" "$(mean amqp-entity-direct)") ($(mean amqp-entity-channels) against $(mean amqp-entity-direct) requests/s), POST /batch $(ratio "$(mean amqp-batch-channels)" "$(mean amqp-batch-direct)") ($(mean amqp-batch-channels) against $(mean amqp-batch-direct)); goal: at least 90%"
  echo "- Service CPU per request, channels / direct, all rounds together: POST /entity $(ratio "$(us_per_request amqp-entity-channels)" "$(us_per_request amqp-entity-direct)") ($(us_per_request amqp-entity-channels) against $(us_per_request amqp-entity-direct) µs), POST /batch $(ratio "$(us_per_request amqp-batch-channels)" "$(us_per_request amqp-batch-direct)") ($(us_per_request amqp-batch-channels) against $(us_per_request amqp-batch-direct) µs)"
  echo
  [ -n "${SKIP_KAFKA:-}" ] || kafka_results
  if [ -n "$PROFILED" ]; then
    for app in channels direct; do
      echo
      echo "## JFR: $app, POST /entity with the reference example (${DURATION} s, \`settings=profile\`, ${RPS[profile-$app]} requests/s while recording)"
      echo
      echo '```'
      cat "$WORK/profile-$app.txt"
      echo '```'
    done
  fi
} | tee "$RESULTS"
echo "written to $RESULTS (recordings and logs in $WORK)"
