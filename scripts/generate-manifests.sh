#!/usr/bin/env bash
# Regenerates the committed Kubernetes and Knative manifests from the build (quarkus-kubernetes):
#   deploy/kubernetes/jvm/    from the default (JVM) build
#   deploy/kubernetes/native/ from the `native` profile (prepared with sources-only: no native compiler needed)
# Configuration: application.properties (quarkus.kubernetes.*, quarkus.knative.*), src/main/kubernetes/*.yml,
# and the native profile in pom.xml. DeploymentManifestsIT and scripts/check-native-ready.sh fail on drift.
set -euo pipefail
cd "$(dirname "$0")/.."

copy() {
  mkdir -p "deploy/kubernetes/$1"
  cp target/kubernetes/kubernetes.yml target/kubernetes/knative.yml "deploy/kubernetes/$1/"
}

./mvnw -B -q -ntp package -DskipTests -Dcodegen.skip=true
copy jvm
./mvnw -B -q -ntp package -Pnative -DskipTests -Dcodegen.skip=true -Dquarkus.native.sources-only=true
copy native
git --no-pager diff --stat -- deploy/kubernetes
