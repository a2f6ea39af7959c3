#!/usr/bin/env bash
# A fresh replica's first seconds against its warmed-up rate, as a scaled-out pod meets them: the service starts
# inside a control group with the Kubernetes manifest's limits (as bench/memory.sh does), and as soon as it answers
# its first 202, wrk publishes the reference example (API key, to a standalone Artemis) in 1-second slices for
# FIRST seconds (default 10); then WARM seconds (default 40) of the same load unrecorded, then MEASURE seconds
# (default 10) for the warmed-up rate. Rows:
#   - JDK 17, the default packaging (the README's way to run it);
#   - Temurin 25, the default packaging;
#   - Temurin 25, the aot-jar with the AOT cache trained as the JVM image's build does, and the image's own flags
#     (src/main/docker/Dockerfile.jvm);
#   - and one row per MORE_FLAGS set (;-separated) on the aot-jar with that cache.
# Prints the rows and writes bench/results/<date>-first-seconds.md. Measures and prints; asserts nothing.
#
#   bench/first-seconds.sh
#   SKIP_BUILD=1 MORE_FLAGS="-XX:TieredStopAtLevel=1" bench/first-seconds.sh
#
# Needs Temurin 25, JDK 17, wrk, curl; root for the control group (without it the rows run unconfined, and say so).
set -euo pipefail
cd "$(dirname "$0")/.."

FIRST=${FIRST:-10}
WARM=${WARM:-40}
MEASURE=${MEASURE:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HTTP_PORT=${HTTP_PORT:-18087}
WORK=target/bench-first-seconds
RESULTS=${RESULTS:-bench/results/$(date +%Y-%m-%d)-first-seconds.md}
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
# shellcheck source=bench/lib.sh
. bench/lib.sh
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
trap_service_cleanup
mkdir -p "$WORK" bench/results

if [ -z "${SKIP_BUILD:-}" ]; then
  package_jars "$JDK17" "$JDK"
fi
[ -n "${SKIP_BUILD:-}" ] && [ -f "$IMAGE_CACHE" ] || train_image_cache "$JDK/bin/java"

AOT=(-XX:AOTCache=$IMAGE_CACHE)
# name|java|jar|JVM options
CONFIGS=("JDK 17, default packaging|$JDK17/bin/java|target/quarkus-app/quarkus-run.jar|"
  "Temurin 25, default packaging|$JDK/bin/java|target/quarkus-app/quarkus-run.jar|"
  "Temurin 25, AOT cache, the image's flags|$JDK/bin/java|target/quarkus-aot/quarkus-run.jar|${AOT[*]} $IMAGE_FLAGS")
if [ -n "${MORE_FLAGS:-}" ]; then
  IFS=';' read -r -a more <<< "$MORE_FLAGS"
  for flags in "${more[@]}"; do
    CONFIGS+=("Temurin 25, AOT cache, \`$flags\`|$JDK/bin/java|target/quarkus-aot/quarkus-run.jar|${AOT[*]} $flags")
  done
fi

group_create
artemis_create "$WORK"
artemis_start "$WORK/artemis.log"
service_key_file "$WORK/api-keys.jsonl"
example_body "$WORK/example.json"
BODY_URL="http://127.0.0.1:$HTTP_PORT/api/ingest/v1/entity"

TABLE=()
for config in "${CONFIGS[@]}"; do
  IFS='|' read -r name java jar options <<< "$config"
  split_flags "$options"
  echo "== $name"
  artemis_purge ingest.entities
  group_reset
  t0=$(date +%s%N)
  in_group env "${JVM_ENV[@]}" "$java" "${JVM_OPTS[@]}" -Dquarkus.http.port="$HTTP_PORT" -Dingest.broker.port="$ARTEMIS_AMQP_PORT" \
    -Dingest.broker.username=ingest -Dingest.broker.password=ingest -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" \
    -jar "$jar" > "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  await_first_202 "$HTTP_PORT" "$BODY_URL" "$WORK/example.json" "$SERVICE_PID" \
    || { echo "the service exited; see $WORK/service.log" >&2; exit 1; }
  startup=$(( ($(date +%s%N) - t0) / 1000000 ))
  slices=() total=0
  for i in $(seq 1 "$FIRST"); do
    DURATION=1 wrk_post "$WORK/wrk-slice.txt" "$BODY_URL" "$WORK/example.json"
    slices+=("$(wrk_rps "$WORK/wrk-slice.txt")")
    total=$((total + slices[-1]))
  done
  first=$((total / FIRST))
  DURATION=$WARM wrk_post "$WORK/wrk-warm.txt" "$BODY_URL" "$WORK/example.json"
  DURATION=$MEASURE wrk_post "$WORK/wrk-measure.txt" "$BODY_URL" "$WORK/example.json"
  warm=$(wrk_rps "$WORK/wrk-measure.txt")
  rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status")
  line="| $name | $startup | ${slices[*]} | $first | $warm | $(ratio "$first" "$warm") | $rss |"
  echo "$line"; TABLE+=("$line")
  kill "$SERVICE_PID" 2> /dev/null || true; wait "$SERVICE_PID" 2> /dev/null || true; SERVICE_PID=
done

{
  echo "# A replica's first seconds, $(date +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Limits: ${LIMIT_MIB} MiB and ${CPU_LIMIT} CPU (from $MANIFEST) as a control group ($GROUP_KIND). Broker: Apache Artemis $ARTEMIS_VERSION on the same machine."
  echo "Load: the reference example published with an API key, wrk $THREADS threads, $CONNECTIONS connections, from the first 202 on:"
  echo "$FIRST slices of 1 s, then $WARM s unrecorded, then $MEASURE s for the warmed-up rate. The image's flags: \`$IMAGE_FLAGS\`."
  echo
  echo "| Start | First 202 (ms) | Requests/s in each of the first ${FIRST} s | First ${FIRST} s (req/s) | Warmed up (req/s) | First ${FIRST} s / warmed up | Peak RSS (MiB) |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${TABLE[@]}"
} | tee "$RESULTS"
echo "written to $RESULTS"
