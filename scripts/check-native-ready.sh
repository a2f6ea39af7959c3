#!/usr/bin/env bash
# Checks, without GraalVM or a container engine, what can be checked of the native build: Quarkus prepares the
# native-image inputs (quarkus.native.sources-only) with the `native` profile, and this script inspects them.
# It does not compile a native executable (see README "Native executable" for the command that does).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "native-ready: $*" >&2; exit 1; }

# The native build rewrites what the JVM build left in target/ for the packaged-jar tests (the artifact's
# description, which @QuarkusIntegrationTest reads, and the generated manifests): they are put back on exit, so
# that .ci/run can run those tests after this script while the analysis runs beside them.
saved=$(mktemp -d)
[ -f target/quarkus-artifact.properties ] && cp target/quarkus-artifact.properties "$saved/"
[ -d target/kubernetes ] && cp -a target/kubernetes "$saved/"
restore() {  # what was not there before goes
  rm -rf target/quarkus-artifact.properties target/kubernetes
  [ -f "$saved/quarkus-artifact.properties" ] && cp "$saved/quarkus-artifact.properties" target/
  [ -d "$saved/kubernetes" ] && cp -a "$saved/kubernetes" target/
  rm -rf "$saved"
}
trap restore EXIT

./mvnw -B -q -ntp package -Pnative -DskipTests -Dcodegen.skip=true -Dquarkus.native.sources-only=true
sources=target/native-sources
runner=$(ls "$sources"/*-runner.jar)
[ -f "$sources/native-image.args" ] || fail "no native-image.args in $sources"
grep -q -- '--no-fallback' "$sources/native-image.args" || fail "native-image.args lacks --no-fallback"

reflect=$(unzip -p "$runner" META-INF/native-image/reflect-config.json | tr '{' '\n' | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
registered() { grep -qx "$1" <<< "$reflect" || fail "$1 is not registered for reflection"; }

# Types that travel only through the broker or a file, never as a REST parameter or answer.
for event in src/main/java/io/threatingest/messaging/event/*.java; do
  registered "io.threatingest.messaging.event.$(basename "$event" .java)"
done
registered 'io.threatingest.security.ApiKeyStore$Line'
# REST answers built as a Response (the framework cannot see their type from the method signature).
for dto in AcknowledgedResponse DryRunResponse 'DryRunResponse$EntityPreview' \
    Definition CommentResponse LinkResponse ScanResponse BatchResponse 'BatchResponse$Item' \
    'BatchResponse$ItemError' IntakeResponse 'IntakeResponse$Item' ExtractResponse 'ExtractResponse$Indicator' \
    RefangedParam ScreenedParam; do
  registered "io.threatingest.api.dto.$dto"
done
registered 'io.threatingest.http.error.ErrorBody'
registered 'io.threatingest.http.error.ErrorBody$Detail'
# TAXII resources: answers built as a Response, and the status, which is also kept in Redis as JSON.
for taxii in Discovery ApiRootInfo CollectionInfo 'CollectionInfo$Listing' TaxiiError TaxiiStatus 'TaxiiStatus$Detail'; do
  registered "io.threatingest.taxii.$taxii"
done

# No broker in the production build: neither the local run's launcher nor any Artemis library.
classes=$(unzip -Z1 "$runner")
! grep -q 'io/threatingest/local/' <<< "$classes" || fail "the local run's broker launcher is in the native build"
if ls "$sources"/lib 2> /dev/null | grep -i artemis; then fail "Artemis libraries in the native build"; fi

# No JCA provider registration: hashing uses Bouncy Castle's lightweight classes directly.
if grep -rnE 'Security\.(addProvider|insertProviderAt)|new BouncyCastle(PQC)?Provider' src/main/java; then
  fail "JCA provider registration found"
fi

# The committed native manifests (deploy/kubernetes/native) are what this build generated.
./mvnw -B -q -ntp failsafe:integration-test failsafe:verify -Dit.test=DeploymentManifestsIT \
  -Dmanifests.flavour=native -Dsurefire.failIfNoSpecifiedTests=false

echo "native-ready: inputs prepared in $sources ($(wc -l <<< "$reflect") reflection entries," \
  "GraalVM $(cat "$sources/graalvm.version" | tr -d '\n' | cut -c1-20)); native-image itself was not run"
