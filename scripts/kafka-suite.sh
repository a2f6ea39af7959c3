#!/usr/bin/env bash
# Broker compatibility, Kafka: runs the broker-facing tests (the same classes as scripts/standalone-broker-suite.sh)
# with every channel on Kafka instead of the AMQP connector (-Dtest.transport=kafka): the tests' broker resource
# starts one Apache Kafka 4 broker (KRaft, from Maven Central's jars, on free ports) per test JVM and hands the
# application kafka.bootstrap.servers and the smallrye-kafka connector for the entities, associations, comments and
# scans channels and the scan-status channel; the tests read the events back from the topics by their ce_id
# header and play scanners by writing status records. Skipped here: the tests that stop, restart or reconfigure
# the broker (@NeedsEmbeddedBroker; Kafka outages are KafkaChannelsTest's, in the README's command) and those about
# the AMQP transport itself (@AmqpOnly).
# With BUILT=1 (.ci/run) the tests run on the classes and the packaged jar of the README command's build.
# Extra arguments go to Maven, e.g. -Dtest=EntityIngestTest -Dit.test=PackagedServiceIT.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/broker-facing.sh

broker_facing_run "$(broker_facing_classes NeedsEmbeddedBroker AmqpOnly)" -Dtest.transport=kafka "$@"
