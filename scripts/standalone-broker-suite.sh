#!/usr/bin/env bash
# Broker compatibility: runs the broker-facing tests against a standalone Apache Artemis from the Maven
# distribution (fresh instance, persistence on, login required, the service's durable anycast queues) instead of
# the embedded broker. Broker-facing: JUnit tag "broker" (@BrokerFacing in src/test/java/io/threatingest/support),
# the tests that read or write the broker's queues or observe its acknowledgements and refusals, among them the
# packaged-jar ITs PackagedServiceIT and ImportCommandIT; the rest of the suite does not depend on the broker and
# runs once, on the embedded one (.ci/run's first step). Of the tagged tests, those that stop, restart or
# reconfigure the broker are skipped here (@NeedsEmbeddedBroker).
# The test classes are named (-Dtest, -Dit.test) as well as filtered by tag: Quarkus builds the application of every
# test profile among the classes it is given while it discovers them, before the tag filter applies (about 10 s
# each), so only the tagged classes (and those inheriting a tagged contract) that can run here are given.
# With BUILT=1 (.ci/run, after the README's command built and tested this same tree) the tests run without the
# build phases before them (format checks, code generation, compiling, packaging): the classes and the packaged
# jar are those of that build.
# Extra arguments go to Maven, e.g. -Dtest=EntityIngestTest -Dit.test=PackagedServiceIT.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/artemis.sh

work=target/standalone-artemis
mkdir -p "$work"
artemis_create "$work"
trap artemis_stop EXIT
artemis_start "$work/artemis.log" || { tail -n 50 "$work/artemis.log"; exit 1; }
echo "standalone Artemis $ARTEMIS_VERSION on 127.0.0.1:$ARTEMIS_AMQP_PORT (log: $work/artemis.log)"

tagged=$(grep -rlE '^\s*@BrokerFacing\b' src/test/java)
contracts=$(grep -lE '^(public )?(abstract class|interface) ' $tagged | xargs -r -n1 basename | sed 's/\.java$//' | paste -sd'|')
[ -z "$contracts" ] || tagged="$tagged $(grep -rlE "(extends|implements) ($contracts)\b" src/test/java)"
runnable=$(for file in $tagged; do
  grep -qE '^(public )?(abstract class|interface) ' "$file" || grep -qE '^@NeedsEmbeddedBroker' "$file" \
    || basename "$file" .java
done | sort -u)
tests=$(grep -v 'IT$' <<< "$runnable" | paste -sd,)
its=$(grep 'IT$' <<< "$runnable" | paste -sd,)
echo "broker-facing classes: $(wc -l <<< "$runnable") ($its among the packaged-jar tests)"

if [ "${BUILT:-0}" = 1 ]; then
  goals=(surefire:test failsafe:integration-test failsafe:verify)
else
  goals=(verify)
fi
./mvnw -B -ntp "${goals[@]}" -Dgroups=broker -Dtest="$tests" -Dit.test="$its" \
  -Dtest.broker="127.0.0.1:$ARTEMIS_AMQP_PORT" -Dtest.broker.username=ingest -Dtest.broker.password=ingest "$@"
