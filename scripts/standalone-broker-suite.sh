#!/usr/bin/env bash
# Broker compatibility: runs the broker-facing tests against a standalone Apache Artemis from the Maven
# distribution (fresh instance, persistence on, login required, the service's durable anycast queues) instead of
# the embedded broker. Broker-facing: JUnit tag "broker" (@BrokerFacing in src/test/java/io/threatingest/support),
# the tests that read or write the broker's queues or observe its acknowledgements and refusals, among them the
# packaged-jar ITs PackagedServiceIT and ImportCommandIT; the rest of the suite does not depend on the broker and
# runs once, on the embedded one (.ci/run's first step). Of the tagged tests, those that stop, restart or
# reconfigure the broker are skipped here (@NeedsEmbeddedBroker).
# The classes are found in the sources (scripts/lib/broker-facing.sh); with BUILT=1 (.ci/run) the tests run on the
# classes and the packaged jar of the README command's build, without building again.
# Extra arguments go to Maven, e.g. -Dtest=EntityIngestTest -Dit.test=PackagedServiceIT.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/artemis.sh
source scripts/lib/broker-facing.sh

work=target/standalone-artemis
mkdir -p "$work"
artemis_create "$work"
trap artemis_stop EXIT
artemis_start "$work/artemis.log" || { tail -n 50 "$work/artemis.log"; exit 1; }
echo "standalone Artemis $ARTEMIS_VERSION on 127.0.0.1:$ARTEMIS_AMQP_PORT (log: $work/artemis.log)"

broker_facing_run "$(broker_facing_classes NeedsEmbeddedBroker)" \
  -Dtest.broker="127.0.0.1:$ARTEMIS_AMQP_PORT" -Dtest.broker.username=ingest -Dtest.broker.password=ingest "$@"
