#!/usr/bin/env bash
# Writes the JDK's AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) for the packaged service:
# runs it once with -XX:AOTCacheOutput through a training workload (start-up, the health and metrics endpoints, and
# authenticated requests over every /api/ingest/v1 door as dry runs, so that no broker is needed), stops it with
# SIGTERM, and the JVM writes the cache as it exits. Start the service with -XX:AOTCache=<that file> afterwards.
#
#   scripts/aot-train.sh [APP_DIR] [CACHE]     # defaults: target/quarkus-aot, APP_DIR/app.aot
#
# APP_DIR is the aot-jar packaging (every class on the JDK's class path, where the cache can hold it):
#   ./mvnw package -DskipTests -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.output-directory=quarkus-aot
# The cache is valid only for the JDK build that wrote it and for the same jars, so the image build
# (src/main/docker/Dockerfile.jvm) runs this script inside the image. JAVA picks the JDK (default: java on the
# PATH, or Temurin 25 where installed). Needs bash only: the requests go over bash's /dev/tcp, not curl.
set -euo pipefail

APP_DIR=${1:-target/quarkus-aot}
CACHE=${2:-$APP_DIR/app.aot}
PORT=${AOT_TRAINING_PORT:-18095}
if [ -z "${JAVA:-}" ]; then
  JAVA=java
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
WORK=$(mktemp -d)
trap 'kill "${PID:-}" 2> /dev/null || true; rm -rf "$WORK"' EXIT

fail() { echo "aot-train: $*" >&2; [ -f "$WORK/service.log" ] && tail -n 30 "$WORK/service.log" >&2; exit 1; }
[ -f "$APP_DIR/quarkus-run.jar" ] || fail "no $APP_DIR/quarkus-run.jar"
"$JAVA" -XX:AOTCacheOutput="$WORK/probe.aot" -version > /dev/null 2>&1 || fail "$JAVA has no AOT cache (JDK 25+)"

# request METHOD PATH [BODY] [HEADER...]: one HTTP/1.1 request over /dev/tcp; prints the status code.
request() {
  local method=$1 path=$2 body=${3:-} header extra=""
  shift 3 || shift $#
  for header in "$@"; do extra+="$header"$'\r\n'; done
  exec 3<> "/dev/tcp/127.0.0.1/$PORT" || return 1
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n%sContent-Length: %d\r\n\r\n%s' \
    "$method" "$path" "$extra" "${#body}" "$body" >&3
  local status
  read -r _ status _ <&3 || true
  cat <&3 > /dev/null || true
  exec 3<&-
  echo "${status:-000}"
}

# A key with every role, for this run only: made by the service's own command, written to a file the run reads.
"$JAVA" -jar "$APP_DIR/quarkus-run.jar" create-api-key --user aot-training --roles admin --key-id aot-training \
  > "$WORK/key.txt" 2> /dev/null || fail "create-api-key failed"
SECRET=$(awk '/^api-secret:/ {print $2}' "$WORK/key.txt")
tail -n 1 "$WORK/key.txt" > "$WORK/api-keys.jsonl"
AUTH=("api-key: aot-training" "api-secret: $SECRET")

# The broker is left unreachable on purpose (a closed local port): the training must not depend on one, and the
# dry runs below answer without it.
"$JAVA" -XX:AOTCacheOutput="$CACHE" ${AOT_TRAINING_JAVA_OPTS:-} -Dquarkus.http.port="$PORT" \
  -Dquarkus.http.host=127.0.0.1 -Dingest.broker.host=127.0.0.1 -Dingest.broker.port=1 \
  -Dingest.auth.api-keys-file="$WORK/api-keys.jsonl" -jar "$APP_DIR/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do
  [ "$(request GET /q/health/live 2> /dev/null)" = 200 ] && break
  kill -0 "$PID" 2> /dev/null || fail "the service exited during start-up"
  sleep 0.25
done
[ "$(request GET /q/health/live)" = 200 ] || fail "the service did not start"

ENTITY='{"type":"ip","attributes":{"ip":"203.0.113.1","text":"Seen brute-forcing SSH","value":"honeypot-eu-1"},"reputation":-1,"tags":["ssh","bruteforce"],"visibleBy":["public"],"associations":[{"type":"domain","attributes":{"domain":"evil.example.com"},"reputation":-2}]}'
BATCH='{"entities":[{"type":"ip","attributes":{"ip":"198.51.100.7"},"reputation":-1},{"type":"url","attributes":{"url":"http://evil.example.com/a"},"reputation":-2}]}'
declare -A seen
for round in $(seq 1 ${AOT_TRAINING_ROUNDS:-30}); do
  for call in "POST /api/ingest/v1/entity?dryRun=true $ENTITY" "POST /api/ingest/v1/entity?dryRun=true&refang=true $ENTITY" \
      "POST /api/ingest/v1/batch?dryRun=true $BATCH" "POST /api/ingest/v1/entity {}" "GET /q/health/ready -" \
      "GET /q/metrics -"; do
    read -r method path body <<< "$call"
    [ "$body" = - ] && body=""
    status=$(request "$method" "$path" "$body" "${AUTH[@]}")
    seen["$method $path $status"]=1
  done
  # an unauthenticated request and a wrong secret: the refusal paths
  request POST /api/ingest/v1/entity "$ENTITY" > /dev/null
  [ "$round" -le 3 ] && request POST /api/ingest/v1/entity "$ENTITY" "api-key: aot-training" "api-secret: wrong" > /dev/null
done
printf 'aot-train: %s\n' "${!seen[@]}" | sort
[ -n "${seen["POST /api/ingest/v1/entity?dryRun=true 200"]:-}" ] || fail "the authenticated dry run did not answer 200"

kill -TERM "$PID"
wait "$PID" || true
PID=
[ -s "$CACHE" ] || fail "the JVM wrote no cache at $CACHE"
echo "aot-train: $CACHE written ($(du -h "$CACHE" | cut -f1)) by $("$JAVA" -version 2>&1 | sed -n 2p)"
