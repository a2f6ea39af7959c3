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
