#!/usr/bin/env bash
# Runs the native-image builder's analysis over this service, on a plain JDK 25 with JVMCI (Temurin's), without a
# GraalVM distribution or a container engine. The builder comes from Maven Central by its Maven coordinates
# (org.graalvm.nativeimage:svm and its dependencies, through the Maven wrapper); Quarkus prepares the native-image
# inputs (quarkus.native.sources-only, target/native-sources). The builder then runs through class initialisation,
# the points-to analysis and the image-heap scan, which is where unsupported objects in static state (a seeded random
# generator, a thread, an open file ...), missing reflection or class-initialisation errors and unsupported features
# are reported, and stops there (-H:+ReturnAfterAnalysis): nothing is compiled or linked, so a clean run here does
# not prove that the executable links or runs (that needs a GraalVM or Mandrel distribution, or Dockerfile.native).
#
#   scripts/check-native.sh                    # inputs, builder, analysis: 10-22 min on 2 shared cores, RSS ~4 GB
#   SKIP_SOURCES=1 scripts/check-native.sh     # reuse target/native-sources
#   GRAALVM_VERSION=25.0.2 NATIVE_ANALYSIS_JDK=/path/to/jdk-25 BUILDER_HEAP=6g scripts/check-native.sh
#
# Exits non-zero, printing the builder's error lines, when the analysis fails. The full log is
# target/native-analysis/analysis.log. Needs gcc (the builder measures its C interface with the C compiler; the
# headers it needs beyond the JDK's are generated from the builder's own Java declarations, see
# scripts/lib/NativeQueryHeaders.java).
set -euo pipefail
cd "$(dirname "$0")/.."

GRAALVM_VERSION=${GRAALVM_VERSION:-25.0.2}
JDK=${NATIVE_ANALYSIS_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=target/native-analysis
SOURCES=target/native-sources
# shellcheck source=scripts/lib/maven.sh
. scripts/lib/maven.sh

fail() { echo "native-analysis: $*" >&2; exit 1; }

[ -x "$JDK/bin/java" ] || fail "no JDK at $JDK (set NATIVE_ANALYSIS_JDK to a JDK 25 with JVMCI)"
"$JDK/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -version > /dev/null 2>&1 \
  || fail "$JDK has no JVMCI (-XX:+EnableJVMCI refused)"
if ! command -v gcc > /dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev > /dev/null
  else
    fail "gcc is needed (the builder's C interface query)"
  fi
fi
started=$(date +%s)

# 1. The native-image inputs, as a native build would hand them to the builder.
if [ -z "${SKIP_SOURCES:-}" ]; then
  ./mvnw -B -q -ntp package -Pnative -Dmaven.test.skip=true -Dcodegen.skip=true -Dquarkus.native.sources-only=true
fi
[ -f "$SOURCES/native-image.args" ] || fail "no $SOURCES/native-image.args"

# 2. The builder, by Maven coordinates, into target/native-analysis/builder (never committed).
mkdir -p "$WORK"
coordinates_pom "$WORK/builder-pom.xml" "org.graalvm.nativeimage:svm:$GRAALVM_VERSION"
rm -rf "$WORK/builder"
JAVA_HOME=$JDK ./mvnw -B -q -ntp -f "$WORK/builder-pom.xml" dependency:copy-dependencies \
  -DoutputDirectory="$PWD/$WORK/builder" 2>&1 | grep -v '^WARNING' || true
ls "$WORK"/builder/svm-"$GRAALVM_VERSION".jar > /dev/null 2>&1 || fail "the builder $GRAALVM_VERSION was not fetched"

# 3. A copy of the JDK with the small host library that the builder's progress report loads from java.home
#    (GraalVM distributions ship one; ours is scripts/lib/native/reporterchelper.c).
if [ ! -x "$WORK/jdk/bin/java" ] || ! cmp -s "$JDK/release" "$WORK/jdk/release"; then
  rm -rf "$WORK/jdk" && cp -a "$JDK/." "$WORK/jdk"
fi
mkdir -p "$WORK/jdk/lib/svm/builder/lib"
gcc -shared -fPIC -O2 -I"$JDK/include" -I"$JDK/include/linux" -o "$WORK/jdk/lib/svm/builder/lib/libreporterchelper.so" \
  scripts/lib/native/reporterchelper.c
JAVA=$WORK/jdk/bin/java

# 4. The C headers of the builder's own C interface that the JDK does not have.
builder_cp=$(ls "$WORK"/builder/*.jar | tr '\n' ':')
rm -rf "$WORK/clibraries"
"$JAVA" -cp "$builder_cp" scripts/lib/NativeQueryHeaders.java "$WORK/clibraries" \
  include/amd64cpufeatures.h=com.oracle.svm.core.amd64.AMD64LibCHelperDirectives \
  include/aarch64cpufeatures.h=com.oracle.svm.core.aarch64.AArch64LibCHelperDirectives \
  include/riscv64cpufeatures.h=com.oracle.svm.core.riscv64.RISCV64LibCHelperDirectives \
  include/svm_locale.h=com.oracle.svm.core.c.locale.LocaleDirectives

# 5. The builder's command line (the driver's translation of native-image.args and the libraries'
#    native-image.properties), then the analysis.
"$JAVA" -Dbuilder.version="$GRAALVM_VERSION" -Dbuilder.clibraries="$PWD/$WORK/clibraries" \
  -Dbuilder.heap="${BUILDER_HEAP:-6g}" scripts/lib/NativeAnalysisArgs.java "$SOURCES" "$WORK/builder" "$WORK/out" \
  > "$WORK/builder.argfile"
log=$WORK/analysis.log
echo "native-analysis: GraalVM builder $GRAALVM_VERSION on $("$JAVA" -version 2>&1 | sed -n 2p)"
set +e
(cd "$SOURCES" && "$OLDPWD/$JAVA" "@$OLDPWD/$WORK/builder.argfile") > "$log" 2>&1
status=$?
set -e
elapsed=$(( $(date +%s) - started ))
grep -E '^\[[1-8]/8\]|found reachable|registered for' "$log" || true
# Error lines: the builder's own "Error:"/"Fatal error:" lines, unsupported features and what they name.
errors=$(grep -nE '^(Error|Fatal error)|UnsupportedFeature|Detected an instance|^Caused by|^Detailed message|^Trace:|embedded in|^\s+(parsing method|reading field|scanning root|(at )?io\.threatingest\.)' "$log" | head -60 || true)
if [ "$status" -ne 0 ] || grep -qE '^(Error|Fatal error)' "$log"; then
  echo "native-analysis: FAILED after ${elapsed}s (builder exit $status); error lines of $log:" >&2
  echo "$errors" >&2
  exit 1
fi
grep -q '\[2/8\]' "$log" || fail "the analysis did not run (see $log)"
echo "native-analysis: analysis and image-heap scan passed in ${elapsed}s (nothing compiled or linked); log: $log"
