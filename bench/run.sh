#!/usr/bin/env bash
# The benchmark: builds the server, fills databases of N generated versions, drives the server
# with wrk over loopback (authentication on), measures the framework ceiling and WireMock on the
# same bytes, and prints one table. Usage: bench/run.sh  (SIZES="10000 100000" bench/run.sh)
# SKIP_BUILD=1 uses the jar already built (the smoke run inside `mvn verify` does).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
WIREMOCK_VERSION=3.13.2
OUT=${OUT:-bench/target}
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
[ "${SKIP_BUILD:-}" = 1 ] || mvn -q -B -ntp -DskipTests package
JAR=impl/target/modelarts-image-server.jar
# the server runs as README.md says a user runs it: bin/modelarts-image-server, with its default
# JVM settings; the Jersey ceiling gets the same settings, WireMock its own defaults
SERVER_JAVA_OPTS=$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' bin/modelarts-image-server)
WIREMOCK="$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar"
[ -f "$WIREMOCK" ] || mvn -q -B -ntp dependency:get -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION

# runs wrk; prints "requests/s p50_ms p99_ms errors"
drive() {
  local script=$1 url=$2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "$url" >/dev/null 2>&1 || true
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url" > "$OUT/wrk.txt" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { errors += $NF }
    /Socket errors/ { split($0, a, /[ ,]+/); for (i in a) if (a[i] ~ /^[0-9]+$/) errors += a[i] }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }' "$OUT/wrk.txt"
}

rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

wait_for() {  # url
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.05; done; return 1
}

ROWS=()
row() { local IFS='|'; ROWS+=("$*"); }

# starts the server on $1 (data directory, log in $2), sets PID, prints the milliseconds to its
# first answer
start_server() {
  local start=$(date +%s%N)
  bin/modelarts-image-server --port "$PORT" --data-dir "$1" --credentials bench/credentials.yaml > "$2" 2>&1 &
  PID=$!
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null -H 'X-Auth-Token: bench-token' "http://127.0.0.1:$PORT/v1/bench-project-0/images/group?limit=10" && break
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
stop_server() { kill "$PID"; wait "$PID" 2>/dev/null || true; }

# The launcher archives the server's classes at its first stop and maps them at every later
# start. One start and stop on an empty directory first, reported on its own row, so that the
# measured starts are the later starts a user sees.
rm -f impl/target/modelarts-image-server-*.jsa
mkdir -p "$OUT/first-start" && rm -rf "$OUT/first-start"/*
start_server "$OUT/first-start" "$OUT/server-first-start.log" > "$OUT/startup.txt"
startup_ms=$(cat "$OUT/startup.txt")
stop_server
row "first-start-no-archive" "0" "-" "$startup_ms" "-" "-" "-"

for N in $SIZES; do
  DATA="$OUT/data-$N"
  if [ ! -f "$DATA/modelarts.mv.db" ]; then
    echo "loading $N versions..."
    java -cp "$JAR" bench/LoadData.java "$DATA" "$N"
    sync # the load's writes reach the disk now, not during the measurements
  fi
  start_server "$DATA" "$OUT/server-$N.log" > "$OUT/startup.txt"
  startup_ms=$(cat "$OUT/startup.txt")
  echo "N=$N: first answer $startup_ms ms after start"
  B="http://127.0.0.1:$PORT/v1/bench-project-0"
  total=$(curl -s -H 'X-Auth-Token: bench-token' "$B/images/group?limit=1" | sed 's/.*"total":\([0-9]*\).*/\1/')
  image=$(curl -s -H 'X-Auth-Token: bench-token' "$B/images?limit=1&type=DEDICATED" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  [ "$N" = "${SIZES%% *}" ] && curl -s -H 'X-Auth-Token: bench-token' "$B/images/group?limit=10" > "$OUT/first-page.json"
  max_rss=0
  SCENARIOS=(
      "groups-first-page|bench/auth.lua|$B/images/group?limit=10"
      "groups-exact-name|bench/auth.lua|$B/images/group?name=model-15&name_fuzzy_match=false"
      "groups-fuzzy-name|bench/auth.lua|$B/images/group?name=el-123&limit=10"
      "groups-ns-type|bench/auth.lua|$B/images/group?namespace=ns0&type=DEDICATED&limit=10"
      "groups-deep-offset|bench/auth.lua|$B/images/group?limit=10&offset=$((total - 10))"
      "groups-limit-200|bench/auth.lua|$B/images/group?limit=200"
      "images-first-page|bench/auth.lua|$B/images?limit=10"
      "show-image|bench/auth.lua|$B/images/$image"
      "register|bench/register.lua|$B/images")
  # A just-started JVM is still compiling for its first seconds: one warm-up pass over every
  # scenario first, so that no scenario is measured in that phase for being the first one.
  for scenario in "${SCENARIOS[@]}"; do
    IFS='|' read -r name script url <<< "$scenario"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "$url" >/dev/null 2>&1 || true
  done
  for scenario in "${SCENARIOS[@]}"; do
    IFS='|' read -r name script url <<< "$scenario"
    read -r rps p50 p99 errors <<< "$(drive "$script" "$url")"
    rss=$(rss_mb "$PID"); [ "$rss" -gt "$max_rss" ] && max_rss=$rss
    row "$name" "$N" "$rps" "$p50" "$p99" "$errors" "$rss"
    echo "  $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, RSS $rss MiB"
  done
  stop_server
  row "start-to-first-answer" "$N" "-" "$startup_ms" "-" "-" "$max_rss"
done

# references on the same bytes as the group scenario's first page
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -cp "$JAR" bench/CeilingServer.java "$PORT" "$OUT/first-page.json" > "$OUT/ceiling.log" 2>&1 &
CPID=$!
wait_for "http://127.0.0.1:$PORT/x"
# the same warm-up pass as the server's, then the scenario's own warm-up and run
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/auth.lua "http://127.0.0.1:$PORT/x" >/dev/null 2>&1 || true
read -r rps p50 p99 errors <<< "$(drive bench/auth.lua "http://127.0.0.1:$PORT/v1/bench-project-0/images/group?limit=10")"
row "ref:jersey-ceiling" "-" "$rps" "$p50" "$p99" "$errors" "$(rss_mb "$CPID")"
kill "$CPID"; wait "$CPID" 2>/dev/null || true

WM="$OUT/wiremock"; mkdir -p "$WM/mappings" "$WM/__files"
cp "$OUT/first-page.json" "$WM/__files/page.json"
cat > "$WM/mappings/page.json" <<'JSON'
{"request": {"method": "GET", "urlPattern": ".*"},
 "response": {"status": 200, "bodyFileName": "page.json", "headers": {"Content-Type": "application/json"}}}
JSON
java -jar "$WIREMOCK" --port "$PORT" --root-dir "$WM" --disable-banner --no-request-journal > "$OUT/wiremock.log" 2>&1 &
WPID=$!
wait_for "http://127.0.0.1:$PORT/x"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/auth.lua "http://127.0.0.1:$PORT/x" >/dev/null 2>&1 || true
read -r rps p50 p99 errors <<< "$(drive bench/auth.lua "http://127.0.0.1:$PORT/v1/bench-project-0/images/group?limit=10")"
row "ref:wiremock" "-" "$rps" "$p50" "$p99" "$errors" "$(rss_mb "$WPID")"
kill "$WPID"; wait "$WPID" 2>/dev/null || true

# the table: every scenario also as a ratio to the two references
ceiling=$(printf '%s\n' "${ROWS[@]}" | awk -F'|' '$1 == "ref:jersey-ceiling" { print $3 }')
wiremock=$(printf '%s\n' "${ROWS[@]}" | awk -F'|' '$1 == "ref:wiremock" { print $3 }')
{
  echo
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; $(java -version 2>&1 | head -1)"
  printf '| %-22s | %9s | %9s | %8s | %8s | %6s | %7s | %10s | %11s |\n' scenario N 'req/s' 'p50 ms' 'p99 ms' errors 'RSS MiB' 'x ceiling' 'x WireMock'
  printf '|%s|\n' '---|---|---|---|---|---|---|---|---'
  printf '%s\n' "${ROWS[@]}" | awk -F'|' -v c="$ceiling" -v w="$wiremock" '{
    rc = ($3 ~ /^[0-9.]+$/ && c > 0) ? sprintf("%.2f", $3 / c) : "-";
    rw = ($3 ~ /^[0-9.]+$/ && w > 0) ? sprintf("%.2f", $3 / w) : "-";
    printf "| %-22s | %9s | %9s | %8s | %8s | %6s | %7s | %10s | %11s |\n", $1, $2, $3, $4, $5, $6, $7, rc, rw }'
} | tee "$OUT/results.md"
