# Shared by scripts/soak.sh and the bench scripts (source it): a standalone Apache Artemis from the Maven
# distribution, persistence on, with the service's durable anycast queues, on 127.0.0.1 ports + 1000 (or + the
# ARTEMIS_PORT_OFFSET set before sourcing it).
ARTEMIS_VERSION=2.56.0
ARTEMIS_PORT_OFFSET=${ARTEMIS_PORT_OFFSET:-1000}
ARTEMIS_AMQP_PORT=$((5672 + ARTEMIS_PORT_OFFSET))
ARTEMIS_CORE_URL="tcp://127.0.0.1:$((61616 + ARTEMIS_PORT_OFFSET))"
ARTEMIS_QUEUES=ingest.entities,ingest.associations,ingest.comments,ingest.scans,ingest.scan-status

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
wait_port() { for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0; sleep 0.5; done; return 1; }

# artemis_create WORKDIR: unpacks the distribution (once) and creates a fresh broker instance in WORKDIR/broker.
artemis_create() {
  local work=$1
  ARTEMIS_HOME=$work/apache-artemis-$ARTEMIS_VERSION
  ARTEMIS_BROKER=$work/broker
  if [ ! -d "$ARTEMIS_HOME" ]; then
    ./mvnw -B -q dependency:copy -Dartifact="org.apache.artemis:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" \
      -DoutputDirectory="$work"
    tar -xzf "$work/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$work"
  fi
  rm -rf "$ARTEMIS_BROKER"
  "$ARTEMIS_HOME/bin/artemis" create "$ARTEMIS_BROKER" --silent --user ingest --password ingest --require-login \
    --no-web --nio --host 127.0.0.1 --port-offset "$ARTEMIS_PORT_OFFSET" \
    --queues "$(echo "$ARTEMIS_QUEUES" | sed 's/,/:anycast,/g'):anycast" > /dev/null
}

# artemis_start LOGFILE: runs the broker in the background (ARTEMIS_PID) and waits for its AMQP port; refuses to
# start when something else already listens there (another broker would answer in its place).
artemis_start() {
  if port_in_use "$ARTEMIS_AMQP_PORT"; then
    echo "127.0.0.1:$ARTEMIS_AMQP_PORT is already in use: set another ARTEMIS_PORT_OFFSET" >&2
    return 1
  fi
  "$ARTEMIS_BROKER/bin/artemis" run > "$1" 2>&1 &
  ARTEMIS_PID=$!
  wait_port "$ARTEMIS_AMQP_PORT"
}

artemis_stop() { kill "${ARTEMIS_PID:-}" 2> /dev/null && wait "$ARTEMIS_PID" 2> /dev/null || true; }

# artemis_queue_count QUEUE: messages waiting on a queue.
artemis_queue_count() {
  "$ARTEMIS_BROKER/bin/artemis" queue stat --url "$ARTEMIS_CORE_URL" --user ingest --password ingest --queueName "$1" \
    | awk -F'|' -v q="$1" '$2 ~ q {gsub(/ /, "", $5); print $5}' | head -n 1
}

# artemis_purge QUEUE: drops every message waiting on a queue (warns when it cannot).
artemis_purge() {
  "$ARTEMIS_HOME/bin/artemis" queue purge --name "$1" --url "$ARTEMIS_CORE_URL" --user ingest --password ingest \
    > /dev/null 2>&1 || echo "warning: could not purge $1" >&2
}

# service_key_file FILE: creates an API key with the reporter role for the load; sets SERVICE_KEY/SECRET.
service_key_file() {
  local output
  output=$(java -jar target/quarkus-app/quarkus-run.jar create-api-key --user load --roles reporter --key-id load)
  SERVICE_KEY=load
  SERVICE_SECRET=$(echo "$output" | awk '/^api-secret:/ {print $2}')
  echo "$output" | tail -n 1 > "$1"
  export SERVICE_KEY SERVICE_SECRET
}
