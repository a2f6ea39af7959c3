#!/usr/bin/env bash
# Dry-run throughput with and without screening lists, side by side: the packaged service (no broker is needed for
# dry runs) started once without lists and once with a directory of lists, POST /entity?dryRun=true with the
# reference example and a tree of 100 entities, and POST /batch?dryRun=true with 100 items, measured with wrk.
# Also prints the load time of the lists (from the service's log) and the peak RSS of both runs.
#
#   bench/screening.sh                          # 5,000,000 generated entries
#   GENERATED=0 PUBLIC_LISTS=/path/to/misp-warninglists/lists bench/screening.sh   # the public lists only
#   (PUBLIC_LISTS: a directory of <name>.json files, or the repository's lists/<name>/list.json layout)
#
# Needs the packaged service (./mvnw package), the jmh profile's classes for generating lists (bench/jmh.sh builds
# them), and wrk. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HTTP_PORT=${HTTP_PORT:-18082}
GENERATED=${GENERATED:-5000000}
WORK=target/bench-screening
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh
command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
cleanup() { kill "${SERVICE_PID:-}" 2> /dev/null || true; wait 2> /dev/null || true; }
trap cleanup EXIT
rm -rf "$WORK"; mkdir -p "$WORK/lists"

if [ -n "${PUBLIC_LISTS:-}" ]; then
  for f in "$PUBLIC_LISTS"/*.json "$PUBLIC_LISTS"/*/list.json; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .json); [ "$name" = list ] && name=$(basename "$(dirname "$f")")
    cp "$f" "$WORK/lists/public-$name.json"
  done
fi
if [ "$GENERATED" -gt 0 ]; then
  ./mvnw -B -q -Pjmh test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/jmh-classpath.txt
  "$JAVA" -cp "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)" \
    io.threatingest.bench.ScreeningLoad --generate "$GENERATED" "$WORK/lists" | sed 's/^/offline load: /'
fi

service_key_file "$WORK/api-keys.jsonl"
cat > "$WORK/example.json" <<'JSON'
{"type":"ip","attributes":{"ip":"203.0.113.1","text":"Seen brute-forcing SSH","value":"honeypot-eu-1"},"reputation":-1,"tags":["ssh","bruteforce"],"visibleBy":["public"]}
JSON
associations=""
for i in $(seq 1 99); do
  associations+="${associations:+,}{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.$((i / 250)).$((i % 250 + 1))\"}},{\"type\":\"domain\",\"attributes\":{\"domain\":\"h$i.bench.example.org\"}}"
done
printf '{"type":"url","attributes":{"url":"https://www.bench.example.org/login"},"associations":[%s]}\n' "$associations" > "$WORK/tree.json"
items=""
for i in $(seq 1 100); do
  items+="${items:+,}{\"type\":\"domain\",\"attributes\":{\"domain\":\"item$i.bench.example.org\"}}"
done
printf '{"entities":[%s]}\n' "$items" > "$WORK/batch.json"

run() { # label, extra JVM options...
  local label=$1; shift
  "$JAVA" "$@" -Dquarkus.http.port="$HTTP_PORT" -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" \
    -Dingest.broker.port=1 -jar target/quarkus-app/quarkus-run.jar > "$WORK/service-$label.log" 2>&1 &
  SERVICE_PID=$!
  local started=$SECONDS
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/live" > /dev/null && break; sleep 0.5; done
  local loaded
  loaded=$(grep -o 'screening: .* built in [0-9]* ms' "$WORK/service-$label.log" | tail -1 || true)
  echo "$label: up after $((SECONDS - started)) s ${loaded:+($loaded)}"
  for body in example tree batch; do
    local url="http://127.0.0.1:$HTTP_PORT/api/ingest/v1/entity?dryRun=true"
    [ "$body" = batch ] && url="http://127.0.0.1:$HTTP_PORT/api/ingest/v1/batch?dryRun=true"
    BODY_FILE="$WORK/$body.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/post.lua "$url" > /dev/null
    BODY_FILE="$WORK/$body.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/post.lua "$url" \
      > "$WORK/$label-$body.txt"
    echo "$label $body: $(awk '/Requests\/sec/ {print $2}' "$WORK/$label-$body.txt") req/s, p99 $(awk '/ 99%/ {print $2}' "$WORK/$label-$body.txt"), non-2xx $(awk '/Non-2xx/ {print $5}' "$WORK/$label-$body.txt")"
  done
  echo "$label: peak RSS $(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status") MB"
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2> /dev/null || true; SERVICE_PID=
}

run without-lists
run with-lists -Dingest.screening.directory="$WORK/lists"
for body in example tree batch; do
  without=$(awk '/Requests\/sec/ {print $2}' "$WORK/without-lists-$body.txt")
  with=$(awk '/Requests\/sec/ {print $2}' "$WORK/with-lists-$body.txt")
  printf '%-8s without lists %10s req/s   with lists %10s req/s   ratio %s\n' "$body" "$without" "$with" \
    "$(awk -v a="$with" -v b="$without" 'BEGIN {printf "%.2f", a / b}')"
done
