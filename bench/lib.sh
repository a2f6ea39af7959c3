# Shared by the bench scripts (source it from the project's root): the service's
# JVM, the request bodies, one wrk measurement, the wait for a first 202, and the small helpers around them. Only
# 127.0.0.1 is used.

# Temurin 25 when it is installed, else the java on the PATH.
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

# example_body FILE: the reference example (one entity, as in the README).
example_body() {
  cat > "$1" <<'JSON'
{"type":"ip","attributes":{"ip":"203.0.113.1","text":"Seen brute-forcing SSH","value":"honeypot-eu-1"},"reputation":-1,"tags":["ssh","bruteforce"],"visibleBy":["public"]}
JSON
}

# batch N: prints a POST /batch body of N single-entity items.
batch() {
  local n=$1 i items=""
  for i in $(seq 1 "$n"); do
    items+="${items:+,}{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.18.$((i / 250)).$((i % 250 + 1))\"},\"reputation\":-1}"
  done
  printf '{"entities":[%s]}\n' "$items"
}

# tree N: prints a POST /entity body of N entities (a domain and its resolved addresses).
tree() {
  local n=$1 i associations=""
  for i in $(seq 1 $((n - 1))); do
    associations+="${associations:+,}{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.$((i / 250)).$((i % 250 + 1))\"},\"reputation\":-2}"
  done
  printf '{"type":"domain","attributes":{"domain":"bench-%d.example.org"},"reputation":-2,"associations":[%s]}\n' "$n" "$associations"
}

# wait_ready [PORT]: waits (at most a minute) until the service on PORT (default HTTP_PORT) is ready.
wait_ready() {
  local port=${1:-$HTTP_PORT}
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && return 0; sleep 0.25; done
  return 1
}

# pid_ticks PID: user + system CPU ticks of a process so far.
pid_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# cores_used TICKS SECONDS: the cores a number of ticks kept busy over that time.
cores_used() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v d="$2" 'BEGIN {printf "%.2f", t / hz / d}'; }
# ratio A B: A as a percentage of B.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f%%", (b > 0 ? 100 * a / b : 0)}'; }
# load1: the one-minute load average.
load1() { cut -d' ' -f1 /proc/loadavg; }

# wrk_post OUT URL [BODY_FILE] [DELAY_MS]: one wrk run of DURATION s at CONNECTIONS connections on THREADS
# threads, its report in OUT: a GET without a body file, else a POST of the file with the API key in SERVICE_KEY and
# SERVICE_SECRET (or the token in BEARER_TOKEN), each connection waiting DELAY_MS before each request.
wrk_post() {
  local out=$1 url=$2 body=${3:-} delay=${4:-0}
  if [ -n "$body" ]; then
    BODY_FILE=$body DELAY_MS=$delay wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency \
      -s bench/post.lua "$url" > "$out"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency "$url" > "$out"
  fi
  if grep -q "Non-2xx" "$out"; then echo "warning: $out had non-2xx answers: $(grep Non-2xx "$out")" >&2; fi
  return 0
}
# wrk_rps OUT: requests per second of a wrk report.
wrk_rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }

# await_first_202 PORT URL BODY_FILE PID: waits for the service (process PID) to answer a POST of BODY_FILE to URL
# with 202, polling every 10 ms, with the API key in SERVICE_KEY / SERVICE_SECRET. Until the port accepts a
# connection it probes with bash's /dev/tcp rather than curl: a curl started every 10 ms took CPU from the starting
# JVM on a 2-core machine. Returns 1 if the service exits first.
await_first_202() {
  local port=$1 url=$2 body=$3 pid=$4
  until (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do
    kill -0 "$pid" 2> /dev/null || return 1
    sleep 0.01
  done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url" -H 'Content-Type: application/json' \
      -H "api-key: $SERVICE_KEY" -H "api-secret: $SERVICE_SECRET" --data-binary "@$body")" = 202 ]; do
    kill -0 "$pid" 2> /dev/null || return 1
    sleep 0.01
  done
}

# The Kubernetes manifest's limits and the JVM image's own flags, for the scripts that start the service as the pod
# does: the manifest's first "limits:" block's memory and cpu, and the Dockerfile's JAVA_OPTS_APPEND without the host,
# after its MALLOC_* settings (as NAME=value words: split_flags below tells them apart).
MANIFEST=deploy/kubernetes/jvm/kubernetes.yml
LIMIT_MIB=${LIMIT_MIB:-$(awk '/limits:/ {l = 1} l && /memory:/ {print $2; exit}' "$MANIFEST" | sed 's/Mi$//')}
CPU_LIMIT=${CPU_LIMIT:-$(awk '/limits:/ {l = 1} l && /cpu:/ {gsub(/"/, "", $2); print $2; exit}' "$MANIFEST")}
IMAGE_FLAGS="$(sed -n 's/^ *\(MALLOC_[A-Z_]*=[0-9]*\).*/\1/p' src/main/docker/Dockerfile.jvm | tr '\n' ' ')$(sed -n \
  's/^ *JAVA_OPTS_APPEND="\([^"]*\)".*/\1/p' src/main/docker/Dockerfile.jvm | sed 's/ *-Dquarkus.http.host=[^ ]*//')"

# split_flags "WORDS": JVM options in JVM_OPTS, NAME=value words (environment variables, as the image's ENV sets
# MALLOC_ARENA_MAX) in JVM_ENV, for a start as: env "${JVM_ENV[@]}" java "${JVM_OPTS[@]}" ...
split_flags() {
  local word
  JVM_OPTS=() JVM_ENV=()
  for word in $1; do
    if [[ $word =~ ^[A-Z_][A-Z0-9_]*= ]]; then JVM_ENV+=("$word"); else JVM_OPTS+=("$word"); fi
  done
}

# package_aot_jar JDK_HOME: the aot-jar packaging (every class on the class path, where an AOT cache can hold it),
# afresh in target/quarkus-aot.
package_aot_jar() {
  rm -rf target/quarkus-aot
  JAVA_HOME=$1 ./mvnw -B -q -ntp package -DskipTests -Dcodegen.skip=true -Dquarkus.package.jar.aot.enabled=true \
    -Dquarkus.package.output-directory=quarkus-aot
}

# package_jars BUILD_JDK_HOME AOT_JDK_HOME: the default packaging (the key tool runs from it) built with the first JDK,
# then the aot-jar packaging with the second.
package_jars() {
  JAVA_HOME=$1 ./mvnw -B -q -ntp package -DskipTests -Dcodegen.skip=true
  package_aot_jar "$2"
}

# trap_service_cleanup: on exit, stops the service (SERVICE_PID), the broker and the control group.
trap_service_cleanup() {
  trap 'kill "${SERVICE_PID:-}" 2> /dev/null || true; artemis_stop; wait 2> /dev/null || true; group_remove' EXIT
}

# train_image_cache JAVA: the AOT cache the JVM image carries, trained with the image's flags as its build does, over
# the aot-jar packaging already in target/quarkus-aot; written to IMAGE_CACHE.
IMAGE_CACHE=target/quarkus-aot/app-image.aot
train_image_cache() {
  split_flags "$IMAGE_FLAGS"
  env "${JVM_ENV[@]}" JAVA="$1" AOT_TRAINING_JAVA_OPTS="${JVM_OPTS[*]}" bash scripts/aot-train.sh target/quarkus-aot \
    "$IMAGE_CACHE"
}

# A control group with those limits (cgroup v2 when the unified hierarchy has the memory controller, else v1's
# memory and cpu), so that the JVM sizes itself from them as in the pod. Needs root; without it GROUP_KIND stays
# "none" and in_group runs its command unconfined. group_remove belongs in the caller's EXIT trap.
GROUP=threat-ingest-bench-$$
GROUP_KIND=none
group_create() {
  [ "$(id -u)" = 0 ] || return 0
  local quota
  quota=$(awk -v c="$CPU_LIMIT" 'BEGIN {printf "%d", c * 100000}')
  if grep -qw memory /sys/fs/cgroup/cgroup.controllers 2> /dev/null; then
    mkdir "/sys/fs/cgroup/$GROUP"
    echo $((LIMIT_MIB * 1048576)) > "/sys/fs/cgroup/$GROUP/memory.max"
    echo "$quota 100000" > "/sys/fs/cgroup/$GROUP/cpu.max"
    GROUP_KIND=v2
  elif [ -d /sys/fs/cgroup/memory ] && [ -d /sys/fs/cgroup/cpu ]; then
    mkdir "/sys/fs/cgroup/memory/$GROUP" "/sys/fs/cgroup/cpu/$GROUP"
    echo $((LIMIT_MIB * 1048576)) > "/sys/fs/cgroup/memory/$GROUP/memory.limit_in_bytes"
    echo 100000 > "/sys/fs/cgroup/cpu/$GROUP/cpu.cfs_period_us"
    echo "$quota" > "/sys/fs/cgroup/cpu/$GROUP/cpu.cfs_quota_us"
    GROUP_KIND=v1
  fi
}
group_procs() { # the cgroup.procs files to join
  case $GROUP_KIND in
    v2) echo "/sys/fs/cgroup/$GROUP/cgroup.procs" ;;
    v1) echo "/sys/fs/cgroup/memory/$GROUP/cgroup.procs /sys/fs/cgroup/cpu/$GROUP/cgroup.procs" ;;
  esac
}
group_peak_mib() { # the group's peak memory use since the last reset
  case $GROUP_KIND in
    v2) [ -f "/sys/fs/cgroup/$GROUP/memory.peak" ] && awk '{printf "%.0f", $1 / 1048576}' "/sys/fs/cgroup/$GROUP/memory.peak" || echo "n/a" ;;
    v1) awk '{printf "%.0f", $1 / 1048576}' "/sys/fs/cgroup/memory/$GROUP/memory.max_usage_in_bytes" ;;
    *) echo "n/a" ;;
  esac
}
in_group() { # COMMAND...: runs it inside the group, in place of the calling shell (call it with & or in $(...))
  # shellcheck disable=SC2016
  exec bash -c 'for p in '"$(group_procs)"'; do echo $$ > "$p"; done; exec "$@"' _ "$@"
}
group_reset() { [ "$GROUP_KIND" != v1 ] || echo 0 > "/sys/fs/cgroup/memory/$GROUP/memory.max_usage_in_bytes"; }
group_remove() {
  case $GROUP_KIND in
    v2) rmdir "/sys/fs/cgroup/$GROUP" 2> /dev/null || true ;;
    v1) rmdir "/sys/fs/cgroup/memory/$GROUP" "/sys/fs/cgroup/cpu/$GROUP" 2> /dev/null || true ;;
  esac
}
