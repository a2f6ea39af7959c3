#!/usr/bin/env bash
# Bodies near the 4 MiB limit arriving on every intake door at once (dry runs, the packaged service, no broker):
# POST /entity (a tree), /batch as JSON and as chunked NDJSON, /stix, /misp, /extract and TAXII Add Objects, all
# seven together, ROUNDS times. Prints each answer's status and time, the small requests' latency meanwhile, and
# the blocked-thread warnings of the service's log (Vert.x warns when an event-loop thread is held over 2 s).
# TAXII has no dry run: without a broker its envelope is validated and then answered 503 (nothing published). The
# text maps to more trees than one request may publish: /extract reads it all and answers 400 saying so.
# Measures and prints; asserts nothing.
#
#   bench/every-door.sh                # packages the service first
#   SKIP_BUILD=1 bench/every-door.sh   # reuses target/quarkus-app
#   JVM_FLAGS="-Xmx96m" bench/every-door.sh   # other JVM options for the service
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh   # service_key_file

HTTP_PORT=${HTTP_PORT:-18085}
ROUNDS=${ROUNDS:-3}
WORK=target/bench-every-door
COLLECTION=5f1e3c2a-9b8d-4e7f-a6c5-d4b3a2918070
mkdir -p "$WORK"

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -ntp package -DskipTests -Dcodegen.skip=true
service_key_file "$WORK/api-keys.jsonl"
example_body "$WORK/example.json"

python3 - "$WORK" << 'PY'
import json, sys, uuid
work, limit = sys.argv[1], 4 * 1024 * 1024 - 4096
note = "seen scanning; " * 12
def ip(i): return "45.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, i & 255)
def fill(make, wrap):
    # as many items as fit under the limit once wrapped
    items, size = [], len(wrap([]))
    for i in range(1, 1_000_000):
        item = make(i)
        size += len(json.dumps(item)) + 2
        if size > limit or i > 9_999:
            break
        items.append(item)
    return items
entity = lambda i: {"type": "ip", "attributes": {"ip": ip(i), "text": note}}
tree = lambda items: {"type": "domain", "attributes": {"domain": "every-door.example.org"}, "associations": items}
json.dump(tree(fill(entity, lambda x: json.dumps(tree(x)))), open(work + "/entity.json", "w"))
batch = lambda items: {"entities": items}
items = fill(entity, lambda x: json.dumps(batch(x)))
json.dump(batch(items), open(work + "/batch.json", "w"))
open(work + "/batch.ndjson", "w").write("\n".join(json.dumps(i) for i in items) + "\n")
stamp = "2026-12-07T00:00:00.000Z"
indicator = lambda i: {"type": "indicator", "spec_version": "2.1", "id": "indicator--" + str(uuid.UUID(int=i)),
                       "created": stamp, "modified": stamp, "valid_from": stamp, "pattern_type": "stix",
                       "pattern": "[ipv4-addr:value = '%s']" % ip(i), "description": note}
bundle = lambda objects: {"type": "bundle", "id": "bundle--" + str(uuid.UUID(int=1)), "objects": objects}
objects = fill(indicator, lambda x: json.dumps(bundle(x)))
json.dump(bundle(objects), open(work + "/stix.json", "w"))
json.dump({"objects": objects}, open(work + "/taxii.json", "w"))
attribute = lambda i: {"type": "ip-dst", "category": "Network activity", "value": ip(i), "comment": note,
                       "to_ids": True}
event = lambda attributes: {"Event": {"info": "every door", "Attribute": attributes}}
json.dump(event(fill(attribute, lambda x: json.dumps(event(x)))), open(work + "/misp.json", "w"))
lines, size = [], 0
for i in range(1, 1_000_000):
    line = "Host %s was seen at hxxp://bad%d[.]example[.]net/x with hash %032x; %s" % (ip(i), i, i, note)
    if size + len(line) + 1 > limit:
        break
    lines.append(line); size += len(line) + 1
open(work + "/text.txt", "w").write("\n".join(lines) + "\n")
PY

"$JAVA" ${JVM_FLAGS:-} -Dquarkus.http.port="$HTTP_PORT" -Dingest.broker.port=1 -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" \
  -Dingest.taxii.collections."$COLLECTION".title=Bench -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
trap 'kill "$SERVICE_PID" 2> /dev/null || true; wait 2> /dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/live" > /dev/null && break; sleep 0.25; done
BASE="http://127.0.0.1:$HTTP_PORT"

# door NAME PATH CONTENT_TYPE FILE [chunked|taxii]: one POST, its status, time and size on one line
door() {
  local extra=()
  [ "${5:-}" = chunked ] && extra=(-H 'Transfer-Encoding: chunked')
  [ "${5:-}" = taxii ] && extra=(-H "Accept: $3")
  curl -s -o /dev/null -w "$1 %{http_code} %{time_total} s %{size_upload} bytes\n" -X POST "$BASE$2" \
    -H "Content-Type: $3" -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" \
    "${extra[@]}" --data-binary "@$4"
}
all_doors() {
  door entity '/api/ingest/v1/entity?dryRun=true' application/json "$WORK/entity.json" &
  door batch-json '/api/ingest/v1/batch?dryRun=true' application/json "$WORK/batch.json" &
  door batch-ndjson '/api/ingest/v1/batch?dryRun=true' application/x-ndjson "$WORK/batch.ndjson" chunked &
  door stix '/api/ingest/v1/stix?dryRun=true' application/stix+json\;version=2.1 "$WORK/stix.json" &
  door misp '/api/ingest/v1/misp?dryRun=true' application/json "$WORK/misp.json" &
  door extract '/api/ingest/v1/extract?dryRun=true' text/plain "$WORK/text.txt" &
  door taxii "/taxii2/ingest/collections/$COLLECTION/objects/?dryRun=true" \
    'application/taxii+json;version=2.1' "$WORK/taxii.json" taxii &
  wait
}
# small dry runs during a round, one at a time: their slowest answer
small() {
  : > "$WORK/small.times"
  while true; do
    curl -s -o /dev/null -w '%{time_total}\n' -X POST "$BASE/api/ingest/v1/entity?dryRun=true" \
      -H 'Content-Type: application/json' -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" \
      --data-binary "@$WORK/example.json" >> "$WORK/small.times"
    sleep 0.01
  done
}

echo "bodies: $(cd "$WORK" && wc -c entity.json batch.json batch.ndjson stix.json misp.json text.txt taxii.json | head -7 | awk '{printf "%s %s, ", $2, $1}')"
echo "warm-up round (not counted):"; all_doors | sed 's/^/  /'
for round in $(seq 1 "$ROUNDS"); do
  small &
  SMALL_PID=$!
  echo "round $round:"
  all_doors | sed 's/^/  /'
  kill "$SMALL_PID"; wait "$SMALL_PID" 2> /dev/null || true
  echo "  small dry runs meanwhile: $(wc -l < "$WORK/small.times"), slowest $(sort -n "$WORK/small.times" | tail -1) s, median $(sort -n "$WORK/small.times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s"
done
echo "peak RSS $(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status") MB"
echo "blocked-thread warnings in the service's log: $(grep -c 'has been blocked for' "$WORK/service.log" || true)"
grep 'has been blocked for' "$WORK/service.log" | head -3 || true
