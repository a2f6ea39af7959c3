#!/usr/bin/env bash
# Lints the committed OpenAPI document (docs/openapi.yaml) with Redocly CLI's strict recommended rules (every
# warning is an error). Installs the linter from the npm registry into target/openapi-lint on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
LINT=target/openapi-lint
VERSION=2.77.0
if [ ! -x "$LINT/node_modules/.bin/redocly" ]; then
  mkdir -p "$LINT"
  npm install --prefix "$LINT" --no-audit --no-fund --silent "@redocly/cli@$VERSION" > /dev/null
fi
"$LINT/node_modules/.bin/redocly" lint --extends recommended-strict --format stylish docs/openapi.yaml
