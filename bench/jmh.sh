#!/usr/bin/env bash
# JMH micro-benchmarks of the domain: validation + normalisation + ID per data type, and for the reference
# example entity. Extra arguments go to JMH (e.g. bench/jmh.sh ReferenceEntity -f 1 -wi 3 -i 5).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
./mvnw -B -q -Pjmh test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh-classpath.txt
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)" org.openjdk.jmh.Main \
  -f "${FORKS:-1}" -wi "${WARMUPS:-3}" -w 1s -i "${ITERATIONS:-5}" -r 1s "$@"
