# Functions of bench/run.sh: wrk runs, server starts and stops, the throw-away PostgreSQL cluster.
# shellcheck shell=bash

# runs wrk with a warm-up first; prints "requests/s p50_ms p99_ms errors".
# drive SCRIPT URL [THREADS CONNECTIONS [SCRIPT_ARG]]
drive() {
  local script=$1 url=$2 threads=${3:-$THREADS} connections=${4:-$CONNECTIONS} arg=${5:-}
  wrk -t"$threads" -c"$connections" -d"$WARMUP" -s "$script" "$url" -- $arg >/dev/null 2>&1 || true
  wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$script" "$url" -- $arg > "$OUT/wrk.txt" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { errors += $NF }
    /Socket errors/ { split($0, a, /[ ,]+/); for (i in a) if (a[i] ~ /^[0-9]+$/) errors += a[i] }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }' "$OUT/wrk.txt"
}

# req/s of a fresh process, step by step from its first answer: "curve NAME URL" runs
# CURVE_STEPS wrk runs of CURVE_STEP each, no warm-up, and adds "NAME r1 r2 ..." to CURVES
CURVES=()
curve() {
  local name=$1 url=$2 rates=() i
  for i in $(seq 1 "$CURVE_STEPS"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$CURVE_STEP" -s bench/auth.lua "$url" > "$OUT/wrk-curve.txt" 2>&1 || true
    rates+=("$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$OUT/wrk-curve.txt")")
  done
  CURVES+=("$name ${rates[*]}")
}

rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

# CPU time, in clock ticks, the JVM $1's optimising (C2) compiler threads have used so far, from
# /proc: a JVM whose C2 is still busy is still warming up
c2_ticks() {
  local t ticks=0
  for t in /proc/"$1"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      "C2 Compiler"*) ticks=$(( ticks + $(sed 's/.*) //' "$t/stat" | awk '{ print $12 + $13 }') )) ;;
    esac
  done
  echo "$ticks"
}
c2_seconds() { awk -v t="$(c2_ticks "$1")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'; }

# The steady state: the JVM $1 serves the reads at URLs $2... in rounds (WARMUP each URL) until a
# round in which its C2 compiler used under SETTLE_SHARE % of the round's time, at most
# SETTLE_ROUNDS rounds. On two cores a deep stack keeps C2 busy for a minute or more, and a rate
# measured before it is done is a warm-up figure. Prints the seconds it drove and C2's seconds.
settle() {
  local pid=$1 url start round before ticks_per_s driven
  shift
  [ $# -gt 0 ] || { echo "0 $(c2_seconds "$pid")"; return; }   # no reads to drive (ONLY=register...)
  start=$(date +%s) ticks_per_s=$(getconf CLK_TCK)
  for round in $(seq 1 "$SETTLE_ROUNDS"); do
    before=$(c2_ticks "$pid") driven=$(date +%s)
    for url in "$@"; do
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/auth.lua "$url" >/dev/null 2>&1 || true
    done
    driven=$(( $(date +%s) - driven ))
    [ $(( ($(c2_ticks "$pid") - before) * 100 )) -lt $(( driven * ticks_per_s * SETTLE_SHARE )) ] && break
  done
  echo "$(( $(date +%s) - start )) $(c2_seconds "$pid")"
}

wait_for() {  # url
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.05; done; return 1
}

# the launcher's default JVM settings, as bin/modelarts-image-server sets them
launcher_java_opts() { sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' bin/modelarts-image-server; }

# the id of a project image the server at base URL $1 (…/v1/bench-project-0) lists first
dedicated_image() {
  curl -s -H 'X-Auth-Token: bench-token' "$1/images?limit=1&type=DEDICATED" | sed 's/.*"id":"\([^"]*\)".*/\1/'
}

ROWS=()
SETTLED=()
STALE=()   # per PostgreSQL mode: the second instance's first reads that missed a write
# row NAME DB N REQ/S P50 P99 ERRORS RSS CEILING_BODY
row() { local IFS='|'; ROWS+=("$*"); }

# starts the server as a user does (bin/modelarts-image-server; JAVA_OPTS from
# SERVER_JAVA_OPTS_OVERRIDE when set) on port $1, log in $2, further arguments to the server;
# sets PID, and STARTUP_MS to the milliseconds to its first answer of the group listing
start_server() {
  local port=$1 log=$2; shift 2
  require_free_port "$port"
  local start; start=$(date +%s%N)
  START_NS=$start
  env ${SERVER_JAVA_OPTS_OVERRIDE:+"JAVA_OPTS=$SERVER_JAVA_OPTS_OVERRIDE"} \
    bin/modelarts-image-server --port "$port" --credentials bench/credentials.yaml "$@" > "$log" 2>&1 &
  PID=$!
  await_listing "$port" "$log" "$PID"
  STARTUP_MS=$(( ($(date +%s%N) - start) / 1000000 ))
}

# starts the jar $1 for a side-by-side comparison (bench/builds.sh, bench/writes.sh) on port
# $PORT: the launcher's JVM settings without its class archive (one build's archive would favour
# it), a fresh copy of $OUT/loaded-$N in $2, its log in $3; sets PID
start_jar() {
  local jar=$1 data=$2 log=$3
  require_free_port "$PORT"
  rm -rf "$data" && cp -a "$OUT/loaded-$N" "$data" && sync
  # shellcheck disable=SC2046 # the launcher's settings are several options
  MALLOC_ARENA_MAX=2 java $(launcher_java_opts) -jar "$jar" --port "$PORT" --credentials bench/credentials.yaml \
    --data-dir "$data" > "$log" 2>&1 &
  PID=$!
  await_listing "$PORT" "$log" "$PID"
}

# exits when something listens on port $1 already: a server left over from an earlier run would
# answer the listing in a new one's place, and its figures would be measured instead
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is in use (a server left from an earlier run?): stop it, or choose PORT=..." >&2
    exit 1
  fi
}

# waits until the server $3 on port $1 answers the group listing; if it exits or never answers,
# shows the end of its log ($2) and exits
await_listing() {
  local port=$1 log=$2 pid=$3
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null -H 'X-Auth-Token: bench-token' \
      "http://127.0.0.1:$port/v1/bench-project-0/images/group?limit=10" && return 0
    kill -0 "$pid" 2>/dev/null || break   # it exited: no use waiting
    sleep 0.02
  done
  echo "the server on port $port did not answer; its log ($log):" >&2
  tail -5 "$log" >&2
  exit 1
}
stop_server() { kill "$1"; wait "$1" 2>/dev/null || true; }
kill_server() { kill -9 "$1"; wait "$1" 2>/dev/null || true; }

# Where a start's time went, from its log ($1, the text format) and START_NS.
# The port opens before Jersey is built (the hot reads need none): a first answer given before
# "listening on" is logged counts from the catalog check instead.
phases() {
  local log=$1 t0=$(( START_NS / 1000000 )) first db cat listen answered
  at() { date -d "$(grep -m1 "$1" "$log" | cut -d' ' -f1)" +%s%3N; }
  first=$(at "INFO") db=$(at "Database ready") cat=$(at "Built-in catalog")
  answered=$(( t0 + STARTUP_MS ))
  echo -n "JVM and settings $(( first - t0 )) ms; H2 open and recovery, migrations $(( db - first )) ms;" \
    "catalog check $(( cat - db )) ms; "
  if grep -q "listening on" "$log" && listen=$(at "listening on") && [ "$listen" -le "$answered" ]; then
    echo "HTTP up $(( listen - cat )) ms; first answer $(( answered - listen )) ms (loads the listing's scope)"
  else
    echo "first answer $(( answered - cat )) ms after the catalog, before Jersey was up (loads the listing's scope)"
  fi
}

# The scenarios against base URL $1 (a project), image id $2, group total $3, N versions $4:
# "name|script|url|threads|connections|script argument|ceiling body"
scenarios() {
  local b=$1 image=$2 total=$3 n=$4
  printf '%s\n' \
    "groups-first-page|bench/auth.lua|$b/images/group?limit=10||||groups" \
    "groups-exact-name|bench/auth.lua|$b/images/group?name=model-15&name_fuzzy_match=false||||groups" \
    "groups-fuzzy-name|bench/auth.lua|$b/images/group?name=el-123&limit=10||||groups" \
    "groups-ns-type|bench/auth.lua|$b/images/group?namespace=ns0&type=DEDICATED&limit=10||||groups" \
    "groups-deep-offset|bench/auth.lua|$b/images/group?limit=10&offset=$((total - 10))||||groups" \
    "groups-limit-200|bench/auth.lua|$b/images/group?limit=200||||groups200" \
    "images-first-page|bench/auth.lua|$b/images?limit=10||||images" \
    "images-by-name|bench/names.lua|$b/images|||$(( n / 150 > 0 ? n / 150 : 1 ))|-" \
    "show-image|bench/auth.lua|$b/images/$image||||image" \
    "register-16-groups|bench/register.lua|$b/images|16|16|groups|-" \
    "register-one-group|bench/register.lua|$b/images|2|16|one|-"
}

# The scenario lines (on stdin) whose whole name ONLY matches; all of them without ONLY
only_selected() {
  grep -E "^(${ONLY:-.*})\\|" || true
}

# Measures every scenario on the server running as $PID on $PORT; rows tagged with db $1 and N $2.
# With SAVE_BODIES set, keeps the answers the ceiling will serve.
measure() {
  local db=$1 n=$2 b="http://127.0.0.1:$PORT/v1/bench-project-0"
  local total image
  total=$(curl -s -H 'X-Auth-Token: bench-token' "$b/images/group?limit=1" | sed 's/.*"total":\([0-9]*\).*/\1/')
  image=$(dedicated_image "$b")
  if [ -n "${SAVE_BODIES:-}" ]; then
    mkdir -p "$OUT/bodies"
    curl -s -H 'X-Auth-Token: bench-token' "$b/images/group?limit=10" > "$OUT/bodies/groups.json"
    curl -s -H 'X-Auth-Token: bench-token' "$b/images/group?limit=200" > "$OUT/bodies/groups200.json"
    curl -s -H 'X-Auth-Token: bench-token' "$b/images?limit=10" > "$OUT/bodies/images.json"
    curl -s -H 'X-Auth-Token: bench-token' "$b/images/$image" > "$OUT/bodies/image.json"
  fi
  local list name script url threads connections arg body rps p50 p99 errors rss
  list=$(scenarios "$b" "$image" "$total" "$n" | only_selected)
  MAX_RSS=0
  # A just-started JVM is still compiling for its first seconds: one warm-up pass over every
  # scenario first, so that no scenario is measured in that phase for being the first one.
  while IFS='|' read -r name script url threads connections arg body; do
    wrk -t"${threads:-$THREADS}" -c"${connections:-$CONNECTIONS}" -d"$WARMUP" -s "$script" "$url" -- $arg >/dev/null 2>&1 || true
  done <<< "$list"
  local reads settled
  mapfile -t reads < <(awk -F'|' '$2 == "bench/auth.lua" { print $3 }' <<< "$list")
  settled=$(settle "$PID" "${reads[@]}")
  SETTLED+=("$db N=$n: ${settled% *} s of reads, C2 compiler ${settled#* } s in all")
  echo "  $db N=$n: steady after ${settled% *} s of reads (C2 compiler: ${settled#* } s in all)"
  while IFS='|' read -r name script url threads connections arg body; do
    read -r rps p50 p99 errors <<< "$(drive "$script" "$url" "$threads" "$connections" "$arg")"
    rss=$(rss_mb "$PID"); [ "$rss" -gt "$MAX_RSS" ] && MAX_RSS=$rss
    row "$name" "$db" "$n" "$rps" "$p50" "$p99" "$errors" "$rss" "$body"
    echo "  $db $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, RSS $rss MiB"
  done <<< "$list"
}

# The throw-away PostgreSQL cluster (Debian's binaries), as the postgres user when run as root.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
# (from /: the postgres user may not enter the checkout's directory)
pg_as() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
pg_start() {  # port
  PG_DIR="$(cd "$OUT" && pwd)/pg"
  rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    # the postgres user must reach it; a checkout under a private directory is not reachable
    if ! runuser -u postgres -- test -w "$PG_DIR"; then
      rm -rf "$PG_DIR"; PG_DIR=$(mktemp -d /tmp/modelarts-bench-pg.XXXXXX); chown postgres "$PG_DIR"
    fi
  fi
  pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 > "$OUT/pg-initdb.log"
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $1 -k $PG_DIR -c listen_addresses=127.0.0.1 -c synchronous_commit=on -c shared_buffers=256MB -c max_connections=100" \
    start > /dev/null
}
pg_stop() { pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop > /dev/null || true; rm -rf "$PG_DIR"; }
