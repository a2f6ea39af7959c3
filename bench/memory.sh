#!/usr/bin/env bash
# Memory where the service runs: the JVM image's own start (the aot-jar packaging with its AOT cache, the image's
# JAVA_OPTS_APPEND) inside a control group that carries the Kubernetes manifest's limits (memory and CPU), so that
# the JVM sizes itself from those limits as it does in the pod. Under the load of bench/run.sh (the reference
# example, trees of 10, 100 and 1,000 entities, batches of 100 and 1,000) and then the largest tree a request may
# carry (close to the 4 MiB body limit) on 8 connections at once, against a standalone Artemis. Prints each row's
# rate, p99 and non-2xx count, the service's peak RSS and the group's peak usage, and whether the service survived;
# writes bench/results/<date>-memory.md. Measures and prints; asserts nothing.
#
#   bench/memory.sh                                   # packages, trains the cache with the image's flags, measures
#   SKIP_BUILD=1 bench/memory.sh                      # reuses target/quarkus-aot and its app-image.aot
#   MORE_FLAGS="-XX:MaxRAMPercentage=40;-Xmx128m" bench/memory.sh   # other flag sets (;-separated) after the image's
#   LIMIT_MIB=512 CPU_LIMIT=1 bench/memory.sh        # other limits than the manifest's
#   MORE_FLAGS="MALLOC_ARENA_MAX=2 -Xmx128m" ...      # a NAME=value word sets an environment variable for that start
#   SKIP_IMAGE_FLAGS=1 MORE_FLAGS=...                # only the other flag sets
#   NMT=1 bench/memory.sh                             # also where the memory sits after the rows: the JVM's native
#                                                     # memory tracking and the kernel's anonymous/file split
#
# Needs root for the control group (cgroup v1 or v2; without it the rows run unconfined, and say so), Temurin 25,
# wrk and python3. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HTTP_PORT=${HTTP_PORT:-18086}
WORK=target/bench-memory
RESULTS=${RESULTS:-bench/results/$(date +%Y-%m-%d)-memory.md}
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
# shellcheck source=bench/lib.sh
. bench/lib.sh
FLAG_SETS=()
[ -n "${SKIP_IMAGE_FLAGS:-}" ] || FLAG_SETS+=("$IMAGE_FLAGS")
if [ -n "${MORE_FLAGS:-}" ]; then IFS=';' read -r -a more <<< "$MORE_FLAGS"; FLAG_SETS+=("${more[@]}"); fi
JAVA=$JDK/bin/java
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
trap_service_cleanup
mkdir -p "$WORK" bench/results

if [ -z "${SKIP_BUILD:-}" ]; then
  package_jars "$JDK" "$JDK"
fi
[ -n "${SKIP_BUILD:-}" ] && [ -f "$IMAGE_CACHE" ] || train_image_cache "$JAVA"

group_create
artemis_create "$WORK"
artemis_start "$WORK/artemis.log"
service_key_file "$WORK/api-keys.jsonl"
example_body "$WORK/example.json"
tree 10 > "$WORK/tree10.json"
tree 100 > "$WORK/tree100.json"
tree 1000 > "$WORK/tree1000.json"
batch 100 > "$WORK/batch100.json"
batch 1000 > "$WORK/batch1000.json"
python3 - "$WORK/largest.json" << 'PY'
import json, sys
# the largest tree under the 4 MiB body limit and the 10,000-entity tree limit: addresses with a note each
note, items, size = "seen scanning; " * 12, [], 200
for i in range(1, 10_000):
    item = {"type": "ip", "attributes": {"ip": "45.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, i & 255), "text": note}}
    size += len(json.dumps(item)) + 2
    if size > 4 * 1024 * 1024 - 4096:
        break
    items.append(item)
json.dump({"type": "domain", "attributes": {"domain": "largest.example.org"}, "associations": items}, open(sys.argv[1], "w"))
PY

BODY_URL="http://127.0.0.1:$HTTP_PORT/api/ingest/v1/entity"
BATCH_URL="http://127.0.0.1:$HTTP_PORT/api/ingest/v1/batch"
ROWS=(example:entity:example tree10:entity:tree10 tree100:entity:tree100 tree1000:entity:tree1000
  batch100:batch:batch100 batch1000:batch:batch1000 largest:entity:largest)
TABLE=()
BREAKDOWNS=()
for flags in "${FLAG_SETS[@]}"; do
  split_flags "$flags"
  f=("${JVM_OPTS[@]}")
  [ -z "${NMT:-}" ] || f+=(-XX:NativeMemoryTracking=summary)
  echo "== $flags (limits: ${LIMIT_MIB} MiB, ${CPU_LIMIT} CPU; control group: $GROUP_KIND)"
  group_reset
  in_group env "${JVM_ENV[@]}" "$JAVA" -XX:AOTCache="$IMAGE_CACHE" "${f[@]}" -Dquarkus.http.port="$HTTP_PORT" \
    -Dingest.broker.port="$ARTEMIS_AMQP_PORT" -Dingest.broker.username=ingest -Dingest.broker.password=ingest \
    -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" -jar target/quarkus-aot/quarkus-run.jar > "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  wait_ready || { echo "the service did not become ready with $flags; see $WORK/service.log" >&2; exit 1; }
  heap=$(in_group env "${JVM_ENV[@]}" "$JAVA" "${f[@]}" -XX:+PrintFlagsFinal -version 2> /dev/null | awk '$2 == "MaxHeapSize" {print $4}')
  DURATION=10 wrk_post "$WORK/wrk-warmup.txt" "$BODY_URL" "$WORK/example.json"
  for row in "${ROWS[@]}"; do
    IFS=: read -r name door body <<< "$row"
    url=$BODY_URL; [ "$door" = batch ] && url=$BATCH_URL
    c=$CONNECTIONS; [ "$name" = largest ] && c=8
    CONNECTIONS=$c wrk_post "$WORK/wrk-$name.txt" "$url" "$WORK/$body.json"
    alive=yes; kill -0 "$SERVICE_PID" 2> /dev/null || alive="NO (exited)"
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk-$name.txt"); non2xx=${non2xx:-0}
    rss=n/a; [ "$alive" = yes ] && rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status")
    line="| \`$flags\` | $name | $(wrk_rps "$WORK/wrk-$name.txt") | $(awk '$1 == "99%" {print $2}' "$WORK/wrk-$name.txt") | $non2xx | $rss | $(group_peak_mib) | $alive |"
    echo "$line"; TABLE+=("$line")
    [ "$alive" = yes ] || break
  done
  TABLE+=("| | maximum heap the JVM chose: $((heap / 1048576)) MiB; OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$WORK/service.log" || true) | | | | | | |")
  if [ -n "${NMT:-}" ] && kill -0 "$SERVICE_PID" 2> /dev/null; then
    BREAKDOWNS+=("### \`$flags\`" "" "RSS now: $(awk '/^Rss:|^Anonymous:/ {printf "%s %.0f MiB; ", $1, $2 / 1024}' "/proc/$SERVICE_PID/smaps_rollup")"
      "file-backed: $(awk '/^RssFile:/ {printf "%.0f MiB", $2 / 1024}' "/proc/$SERVICE_PID/status")" "" '```'
      "$("$JDK/bin/jcmd" "$SERVICE_PID" VM.native_memory summary | awk '/^Total|^-/ {print}' | sed 's/^-  */- /')" '```' "")
  fi
  kill "$SERVICE_PID" 2> /dev/null || true; wait "$SERVICE_PID" 2> /dev/null || true; SERVICE_PID=
done

{
  echo "# Memory in the manifest's limits, $(date +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "JVM: $("$JAVA" -version 2>&1 | sed -n 2p), aot-jar with its AOT cache (as in the JVM image). Broker: Apache Artemis $ARTEMIS_VERSION on the same machine."
  echo "Limits: ${LIMIT_MIB} MiB and ${CPU_LIMIT} CPU (from $MANIFEST), applied as a control group ($GROUP_KIND) so that the JVM sizes itself from them as in the pod."
  echo "Load: wrk, $THREADS threads, $CONNECTIONS connections (the largest tree: 8), $DURATION s a row after 10 s of warm-up, API key; the largest tree is $(wc -c < "$WORK/largest.json") bytes."
  echo "Peak RSS is the service process's high-water mark (VmHWM) so far; the group's peak also counts the page cache its files use."
  echo
  echo "| JVM flags | Row | Requests/s | p99 | Non-2xx | Peak RSS so far (MiB) | Group's peak (MiB) | Service alive |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${TABLE[@]}"
  if [ "${#BREAKDOWNS[@]}" -gt 0 ]; then
    echo
    echo "## Where the memory sat after the rows (native memory tracking, committed; the kernel's RSS split)"
    echo
    printf '%s\n' "${BREAKDOWNS[@]}"
  fi
} | tee "$RESULTS"
echo "written to $RESULTS"
