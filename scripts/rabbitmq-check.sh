#!/usr/bin/env bash
# Compatibility check with RabbitMQ 3.x and its AMQP 1.0 plugin (Debian's rabbitmq-server package): a private
# RabbitMQ node on 127.0.0.1, durable queues declared first, the packaged service with RabbitMQ's queue
# addresses (/amq/queue/<name>). Each endpoint's submission must be answered 202 and be waiting, persistent, on
# its queue; the scan-status queue must have the service as consumer; with RabbitMQ stopped, submissions must be
# answered 503 (nothing acknowledged). A tree of 10,000 entities (the default ingest.limits.max-entities) must
# land as one message holding every ID (with RabbitMQ's defaults: max_message_size 128 MiB). Prints what it checked; exits non-zero on the first difference.
#
#   apt-get install rabbitmq-server && scripts/rabbitmq-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/artemis.sh
. scripts/lib/artemis.sh   # wait_port, service_key_file

# The package's own scripts, not the /usr/sbin wrappers: those switch to the rabbitmq user, which cannot write
# into this working tree.
RABBIT_BIN=/usr/lib/rabbitmq/bin
[ -x "$RABBIT_BIN/rabbitmq-server" ] || { echo "needs rabbitmq-server (Debian: apt-get install rabbitmq-server)" >&2; exit 2; }
rabbitmqctl() { "$RABBIT_BIN/rabbitmqctl" "$@"; }

WORK=$PWD/target/rabbitmq
AMQP_PORT=7672
ADMIN_PORT=17672
HTTP_PORT=18082
# RabbitMQ 3.x addresses a queue as /amq/queue/<name>; PREFIX= (empty) shows what plain names do.
PREFIX=${PREFIX-/amq/queue/}
QUEUES=(ingest.entities ingest.associations ingest.comments ingest.scans ingest.scan-status)
export RABBITMQ_NODENAME=ingest-check@localhost RABBITMQ_NODE_PORT=$AMQP_PORT RABBITMQ_DIST_PORT=27672 \
  RABBITMQ_MNESIA_BASE=$WORK/mnesia RABBITMQ_LOG_BASE=$WORK/log \
  RABBITMQ_ENABLED_PLUGINS_FILE=$WORK/enabled_plugins RABBITMQ_CONFIG_FILE=$WORK/rabbitmq

fail() { echo "rabbitmq-check: $*" >&2; exit 1; }
cleanup() {
  kill "${SERVICE_PID:-}" 2> /dev/null || true
  rabbitmqctl stop > /dev/null 2>&1 || true
  wait 2> /dev/null || true
}
trap cleanup EXIT

rm -rf "$WORK" && mkdir -p "$WORK"
echo '[rabbitmq_amqp1_0,rabbitmq_management].' > "$WORK/enabled_plugins"
cat > "$WORK/rabbitmq.conf" << CONF
listeners.tcp.default = $AMQP_PORT
management.tcp.port = $ADMIN_PORT
default_user = ingest
default_pass = ingest
CONF
"$RABBIT_BIN/rabbitmq-server" > "$WORK/server.log" 2>&1 &
# await_startup fails at once while the node has not registered yet: wait for it to answer first.
for _ in $(seq 1 120); do rabbitmqctl -q ping > /dev/null 2>&1 && break; sleep 0.5; done
rabbitmqctl await_startup --timeout 60 > /dev/null || fail "RabbitMQ did not start; see $WORK/server.log"
echo "RabbitMQ $(rabbitmqctl version) on 127.0.0.1:$AMQP_PORT, AMQP 1.0 plugin on"

for queue in "${QUEUES[@]}"; do
  curl -sf -u ingest:ingest -X PUT -H 'content-type: application/json' -d '{"durable":true}' \
    "http://127.0.0.1:$ADMIN_PORT/api/queues/%2F/$queue" || fail "could not declare $queue"
done

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
service_key_file "$WORK/api-keys.jsonl"
java -Dquarkus.http.port="$HTTP_PORT" -Dingest.broker.port="$AMQP_PORT" \
  -Dingest.broker.username=ingest -Dingest.broker.password=ingest \
  -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" -Dingest.publish.timeout=2s \
  -Dingest.addresses.entities="$PREFIX"ingest.entities \
  -Dingest.addresses.associations="$PREFIX"ingest.associations \
  -Dingest.addresses.comments="$PREFIX"ingest.comments \
  -Dingest.addresses.scans="$PREFIX"ingest.scans \
  -Dingest.addresses.scan-status="$PREFIX"ingest.scan-status \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" > /dev/null || fail "service not ready; see $WORK/service.log"

post() {
  curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$HTTP_PORT/api/ingest/v1/$1" \
    -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" -H 'Content-Type: application/json' -d "$2"
}
expect() {
  local status
  status=$(post "$2" "$3")
  [ "$status" = "$1" ] || fail "POST /$2 answered $status, expected $1"
  echo "POST /$2: $status"
}

IP_ID=ip-$(printf '%s' 203.0.113.9 | openssl dgst -sha3-256 -r | cut -d' ' -f1)
expect 202 entity '{"type":"ip","attributes":{"ip":"203.0.113.9"},"reputation":-1}'
expect 202 association '{"entityID":"'"$IP_ID"'","relatedEntity":{"type":"domain","value":"example.org"}}'
expect 202 comment '{"entityID":"'"$IP_ID"'","comment":"seen from RabbitMQ check"}'
expect 202 scan '{"target":"example.org"}'

# The largest tree the service takes: its one event (several MB) is checked whole below.
python3 - "$WORK/tree.json" "$WORK/tree-ids.txt" << 'PY'
import hashlib, json, sys
ips = ["45.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, i & 255) for i in range(9999)]
tree = {"type": "domain", "attributes": {"domain": "rabbitmq-check.example.org"},
        "associations": [{"type": "ip", "attributes": {"ip": ip}} for ip in ips]}
json.dump(tree, open(sys.argv[1], "w"))
ids = ["domain-" + hashlib.sha3_256(b"rabbitmq-check.example.org").hexdigest()]
ids += ["ip-" + hashlib.sha3_256(ip.encode()).hexdigest() for ip in ips]
open(sys.argv[2], "w").write("\n".join(ids))
PY
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$HTTP_PORT/api/ingest/v1/entity" \
  -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" -H 'Content-Type: application/json' \
  --data-binary @"$WORK/tree.json")
[ "$status" = 202 ] || fail "POST /entity with 10,000 entities answered $status, expected 202"
echo "POST /entity, 10,000 entities ($(wc -c < "$WORK/tree.json") bytes): $status"

sleep 1
stats=$(rabbitmqctl list_queues -q --no-table-headers name durable messages messages_persistent consumers)
echo "$stats" | sed 's/^/  /'
for queue in ingest.entities ingest.associations ingest.comments ingest.scans; do
  expected=1; [ "$queue" = ingest.entities ] && expected=2
  read -r durable messages persistent < <(awk -v q="$queue" '$1 == q {print $2, $3, $4}' <<< "$stats")
  [ "$durable" = true ] && [ "$messages" = "$expected" ] && [ "$persistent" = "$expected" ] \
    || fail "$queue: durable=$durable messages=$messages persistent=$persistent, expected true $expected $expected"
done
# Read the entity messages back (left on the queue) and find the tree's event: its data section, whole.
curl -sf -u ingest:ingest -X POST -H 'content-type: application/json' \
  -d '{"count":2,"ackmode":"ack_requeue_true","encoding":"base64","truncate":100000000}' \
  "http://127.0.0.1:$ADMIN_PORT/api/queues/%2F/ingest.entities/get" > "$WORK/entities.json" \
  || fail "could not read ingest.entities back"
python3 - "$WORK/entities.json" "$WORK/tree-ids.txt" << 'PY' || fail "the 10,000-entity event is not whole on the queue"
import base64, json, sys
expected = open(sys.argv[2]).read().split("\n")
for message in json.load(open(sys.argv[1])):
    raw = base64.b64decode(message["payload"])
    # RabbitMQ 3.x hands a message of one data section over as that section's bytes
    event = json.loads(raw)
    ids = [entity["id"] for entity in event["entities"]]
    if len(ids) > 1:
        assert ids == expected, "IDs differ from the expected ones"
        print("  the 10,000-entity event: %d bytes, %d entities, every ID as expected" % (len(raw), len(ids)))
        sys.exit(0)
sys.exit("no message with the tree found")
PY
consumers=$(awk '$1 == "ingest.scan-status" {print $5}' <<< "$stats")
[ "$consumers" = 1 ] || fail "ingest.scan-status has $consumers consumers, expected the service"

rabbitmqctl stop_app > /dev/null
expect 503 entity '{"type":"ip","attributes":{"ip":"203.0.113.10"}}'
echo "rabbitmq-check: passed (RabbitMQ $(rabbitmqctl version 2> /dev/null || echo 3.x), AMQP 1.0 plugin)"
