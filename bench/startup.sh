#!/usr/bin/env bash
# Start-up to the first 202 on the JVM (Temurin 25), median of RUNS (default 5), against a standalone Artemis:
#   - plain: the default packaging (target/quarkus-app, fast-jar);
#   - AOT cache: the aot-jar packaging (target/quarkus-aot) with the cache written by scripts/aot-train.sh;
#   - AOT cache with the small-footprint flags (README, "Performance");
#   - the JVM image's way: its flags (src/main/docker/Dockerfile.jvm) and a cache trained with them, as its build does.
# The first three are the rows at the end of bench/run.sh, here alone (a few minutes instead of the whole bench).
# Prints them and writes bench/results/<date>-startup.md.
#
#   bench/startup.sh                # packages both flavours, trains the cache, measures
#   SKIP_BUILD=1 bench/startup.sh   # reuse target/quarkus-app, target/quarkus-aot and its app.aot (app-image.aot too)
#
# Needs Temurin 25 (/usr/lib/jvm/temurin-25-jdk-amd64) and curl. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
HTTP_PORT=${HTTP_PORT:-18081}
WORK=target/bench
RESULTS=${RESULTS:-bench/results/$(date +%Y-%m-%d)-startup.md}
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
SMALL_FLAGS=(-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -Xss256k)
# shellcheck source=bench/lib.sh
. bench/lib.sh
JAVA=$JDK/bin/java
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh

trap_service_cleanup
mkdir -p "$WORK" bench/results

if [ -z "${SKIP_BUILD:-}" ]; then
  package_jars "$JDK" "$JDK"
  JAVA=$JAVA bash scripts/aot-train.sh target/quarkus-aot
fi
[ -f target/quarkus-aot/app.aot ] || { echo "no target/quarkus-aot/app.aot (run without SKIP_BUILD)" >&2; exit 1; }
[ -n "${SKIP_BUILD:-}" ] && [ -f "$IMAGE_CACHE" ] || train_image_cache "$JAVA"

artemis_create "$WORK"
artemis_start "$WORK/artemis.log"
service_key_file "$WORK/api-keys.jsonl"
BODY_URL="http://127.0.0.1:$HTTP_PORT/api/ingest/v1/entity"
printf '%s\n' '{"type":"ip","attributes":{"ip":"203.0.113.1","text":"Seen brute-forcing SSH","value":"honeypot-eu-1"},"reputation":-1,"tags":["ssh","bruteforce"],"visibleBy":["public"]}' \
  > "$WORK/example.json"

START_PREFIX=(env)
startup_ms() { # JAR [JVM options...], started through START_PREFIX (default: env): median of RUNS starts, process
  # start to the first 202 (wall clock), and the CPU time the service had used by then (user + system, all threads):
  # the latter hardly moves with the machine's other load, which on a shared 2-core machine can multiply the
  # wall-clock figure
  local jar=$1 runs=() cpus=() i t0 t1 hz
  hz=$(getconf CLK_TCK)
  shift
  for i in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N)
    "${START_PREFIX[@]}" "$JAVA" "$@" -Dquarkus.http.port="$HTTP_PORT" -Dingest.broker.port="$ARTEMIS_AMQP_PORT" \
      -Dingest.broker.username=ingest -Dingest.broker.password=ingest \
      -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" -jar "$jar" > "$WORK/service.log" 2>&1 &
    SERVICE_PID=$!
    await_first_202 "$HTTP_PORT" "$BODY_URL" "$WORK/example.json" "$SERVICE_PID" \
      || { echo "the service exited; see $WORK/service.log" >&2; exit 1; }
    t1=$(date +%s%N)
    runs+=($(( (t1 - t0) / 1000000 )))
    cpus+=($(awk -v hz="$hz" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$SERVICE_PID/stat"))
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2> /dev/null || true; SERVICE_PID=
  done
  local mid=$(( (RUNS + 1) / 2 ))
  echo "$(printf '%s\n' "${runs[@]}" | sort -n | sed -n "${mid}p") ms (runs: ${runs[*]}) | $(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p") ms (runs: ${cpus[*]})"
}

echo "start-up, plain jar"
PLAIN=$(startup_ms target/quarkus-app/quarkus-run.jar)
echo "$PLAIN"
echo "start-up, aot-jar with the AOT cache"
AOT=$(startup_ms target/quarkus-aot/quarkus-run.jar -XX:AOTCache=target/quarkus-aot/app.aot)
echo "$AOT"
echo "start-up, aot-jar with the AOT cache and the small-footprint flags"
AOT_SMALL=$(startup_ms target/quarkus-aot/quarkus-run.jar -XX:AOTCache=target/quarkus-aot/app.aot "${SMALL_FLAGS[@]}")
echo "$AOT_SMALL"
echo "start-up, the JVM image's way: its flags and a cache trained with them, inside the manifest's limits"
split_flags "$IMAGE_FLAGS"
group_create
IMAGE=$(START_PREFIX=(in_group env "${JVM_ENV[@]}"); startup_ms target/quarkus-aot/quarkus-run.jar -XX:AOTCache="$IMAGE_CACHE" "${JVM_OPTS[@]}")
echo "$IMAGE"

{
  echo "# Start-up to the first 202, $(date +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "JVM: $("$JAVA" -version 2>&1 | sed -n 2p). Broker: Apache Artemis $ARTEMIS_VERSION on the same machine."
  echo "Process start to the first 202 of POST /entity with an API key (so one Argon2id check), $RUNS starts each."
  echo "AOT cache: scripts/aot-train.sh (dry runs, no broker) over the aot-jar packaging, $(du -h target/quarkus-aot/app.aot | cut -f1)."
  echo
  echo "| Row | Start-up to first 202, wall clock, median | Service CPU used by then, median |"
  echo "|---|---|---|"
  echo "| plain jar (fast-jar, default JVM flags) | $PLAIN |"
  echo "| aot-jar + AOT cache (\`-XX:AOTCache\`) | $AOT |"
  echo "| aot-jar + AOT cache + \`${SMALL_FLAGS[*]}\` | $AOT_SMALL |"
  echo "| the JVM image's way: aot-jar + AOT cache trained with its flags + \`$IMAGE_FLAGS\`, in a control group ($GROUP_KIND) of ${LIMIT_MIB} MiB and ${CPU_LIMIT} CPU | $IMAGE |"
} | tee "$RESULTS"
echo "written to $RESULTS"
