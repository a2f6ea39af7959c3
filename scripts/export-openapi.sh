#!/usr/bin/env bash
# Rebuilds the service and copies the OpenAPI document the build stored (target/openapi) to docs/openapi.yaml,
# the committed copy that clients are generated from. OpenApiDocumentTest fails until the two agree.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp package -DskipTests -Dcodegen.skip=true
cp target/openapi/openapi.yaml docs/openapi.yaml
git --no-pager diff --stat -- docs/openapi.yaml
