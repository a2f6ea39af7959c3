#!/usr/bin/env bash
# Dry-run throughput with and without screening lists, side by side: the packaged service (no broker is needed for
# dry runs) started once without lists and once with a directory of lists, POST /entity?dryRun=true with the
# reference example and a tree of 199 entities, and POST /batch?dryRun=true with 100 items (the tree and the batch
# once with values on no list, once with every value on a public list), measured with wrk.
# The two services run side by side and are measured in turns (ROUNDS rounds of DURATION s per body). Also prints
# the load time of the lists (from the service's log) and the peak RSS of both services.
#
#   bench/screening.sh                          # 5,000,000 generated entries
#   GENERATED=0 PUBLIC_LISTS=/path/to/misp-warninglists/lists bench/screening.sh   # the public lists only
#   PUBLIC_LISTS=/path/to/misp-warninglists/lists bench/screening.sh              # both: every list loaded
#   (PUBLIC_LISTS: a directory of <name>.json files, or the repository's lists/<name>/list.json layout)
#
# Needs the packaged service (./mvnw package), the jmh profile's classes for generating lists (bench/jmh.sh builds
# them), and wrk. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
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
declare -A PIDS PORTS
cleanup() { kill "${PIDS[@]}" 2> /dev/null || true; wait 2> /dev/null || true; }
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
# tree and batch: values on no public list (the usual case: feeds send threats, not popular sites); tree-listed and
# batch-listed: every value on a public list (example.org is in tranco10k, 198.51.0.0/16 in the reserved ranges), so
# each answer reports a match per value. A generated CIDR may cover a few of the addresses: the run prints how many
# values of each body were screened.
tree_body() { # DOMAIN FIRST_OCTETS
  local associations=""
  for i in $(seq 1 99); do
    associations+="${associations:+,}{\"type\":\"ip\",\"attributes\":{\"ip\":\"$2.$((i / 250)).$((i % 250 + 1))\"}},{\"type\":\"domain\",\"attributes\":{\"domain\":\"h$i.$1\"}}"
  done
  printf '{"type":"url","attributes":{"url":"https://www.%s/login"},"associations":[%s]}\n' "$1" "$associations"
}
batch_body() { # DOMAIN
  local items=""
  for i in $(seq 1 100); do
    items+="${items:+,}{\"type\":\"domain\",\"attributes\":{\"domain\":\"item$i.$1\"}}"
  done
  printf '{"entities":[%s]}\n' "$items"
}
tree_body bench.zq-unlisted-feed.net 45.133 > "$WORK/tree.json"
batch_body bench.zq-unlisted-feed.net > "$WORK/batch.json"
tree_body bench.example.org 198.51 > "$WORK/tree-listed.json"
batch_body bench.example.org > "$WORK/batch-listed.json"
BODIES="example tree batch tree-listed batch-listed"

# start LABEL PORT [JVM options...]: one service; its PID in PIDS[LABEL]
start() {
  local label=$1 port=$2; shift 2
  "$JAVA" "$@" -Dquarkus.http.port="$port" -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" \
    -Dingest.broker.port=1 -jar target/quarkus-app/quarkus-run.jar > "$WORK/service-$label.log" 2>&1 &
  PIDS[$label]=$!
  PORTS[$label]=$port
  local started=$SECONDS
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/q/health/live" > /dev/null && break; sleep 0.5; done
  local loaded
  loaded=$(grep -o 'screening: .* built in [0-9]* ms' "$WORK/service-$label.log" | tail -1 || true)
  echo "$label: up after $((SECONDS - started)) s ${loaded:+($loaded)}"
}
url() { # LABEL BODY
  case $2 in
    batch*) echo "http://127.0.0.1:${PORTS[$1]}/api/ingest/v1/batch?dryRun=true" ;;
    *) echo "http://127.0.0.1:${PORTS[$1]}/api/ingest/v1/entity?dryRun=true" ;;
  esac
}

# Both services run side by side and are measured in turns (ROUNDS rounds of DURATION s per body), so that the
# machine's drift falls on both alike; the ratio is that of the sums.
ROUNDS=${ROUNDS:-3}
start without-lists "$HTTP_PORT"
start with-lists $((HTTP_PORT + 1)) -Dingest.screening.directory="$WORK/lists"
for body in $BODIES; do
  for label in without-lists with-lists; do
    screened=$(curl -s -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" -H 'Content-Type: application/json' \
      --data-binary "@$WORK/$body.json" "$(url "$label" "$body")" | { grep -o '"list":"' || true; } | wc -l)
    echo "$label $body: $screened matches reported in a dry run's answer"
    BODY_FILE="$WORK/$body.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_UP:-8}s" -s bench/post.lua "$(url "$label" "$body")" \
      > /dev/null
  done
  declare -A SUM=([without-lists]=0 [with-lists]=0)
  for round in $(seq 1 "$ROUNDS"); do
    for label in without-lists with-lists; do
      out="$WORK/$label-$body-$round.txt"
      BODY_FILE="$WORK/$body.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/post.lua \
        "$(url "$label" "$body")" > "$out"
      rps=$(awk '/Requests\/sec/ {print $2}' "$out")
      SUM[$label]=$(awk -v a="${SUM[$label]}" -v b="$rps" 'BEGIN {print a + b}')
      echo "$label $body round $round: $rps req/s, p99 $(awk '/ 99%/ {print $2}' "$out"), non-2xx $(awk '/Non-2xx/ {print $5}' "$out")"
    done
  done
  printf '%-13s without lists %10.0f req/s   with lists %10.0f req/s   ratio %s (means of %s rounds)\n' "$body" \
    "$(awk -v a="${SUM[without-lists]}" -v n="$ROUNDS" 'BEGIN {print a / n}')" \
    "$(awk -v a="${SUM[with-lists]}" -v n="$ROUNDS" 'BEGIN {print a / n}')" \
    "$(awk -v a="${SUM[with-lists]}" -v b="${SUM[without-lists]}" 'BEGIN {printf "%.2f", a / b}')" "$ROUNDS" \
    | tee -a "$WORK/summary.txt"
done
for label in without-lists with-lists; do
  echo "$label: peak RSS $(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/${PIDS[$label]}/status") MB"
done
