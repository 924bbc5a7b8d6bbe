#!/usr/bin/env bash
# Registrations of two or more builds, side by side, with what they cost the writer thread:
#   bench/writes.sh before.jar after.jar          (ROUNDS=2 N=100000 bench/writes.sh a.jar b.jar)
# Each round starts every jar in turn (alternating) with the launcher's JVM settings on a fresh
# copy of the loaded N-version H2 database, sends RegisterImage over 16 groups (bench/register.lua,
# wrk -t16 -c16, a group per thread, as run.sh does; LOAD='-t2 -c32' MODE=spread for another
# shape, see register.lua) for WARMUP, then measures DURATION: req/s, p99, and the CPU time of the one
# writer thread that runs every group commit (GroupCommit), per registration, from /proc. The
# writer's CPU per registration moves far less between runs than req/s on a shared machine.
# FIRST=3 bench/writes.sh a.jar b.jar measures a fresh process's first seconds instead: req/s in
# each of FIRST 5-s windows from the first answer, no warm-up (what a CI job that registers sees).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/writes.sh JAR..." >&2; exit 2; }
N=${N:-100000}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18080}
WARMUP=${WARMUP:-60s}
DURATION=${DURATION:-20s}
LOAD=${LOAD:--t16 -c16}   # wrk's threads and connections, used unquoted: several options
MODE=${MODE:-groups}
OUT=${OUT:-bench/target}
# shellcheck source=bench/lib.sh
source bench/lib.sh
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
[ -f "$OUT/loaded-$N/modelarts.mv.db" ] || { echo "no $OUT/loaded-$N: run bench/run.sh once" >&2; exit 1; }
opts=$(launcher_java_opts)
url="http://127.0.0.1:$PORT/v1/bench-project-0/images"

# CPU ticks (user + system) of the thread named modelarts-writer in process $1
writer_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    if [ "$(cat "$task/comm")" = "modelarts-write" ]; then   # the kernel keeps 15 characters
      sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }'
      return
    fi
  done
  echo "no writer thread in process $1" >&2
  exit 1
}

results=()
for round in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do
    start_jar "$jar" "$OUT/writes-data" "$OUT/writes-server.log"
    if [ -n "${FIRST:-}" ]; then
      windows=""
      for _ in $(seq 1 "$FIRST"); do
        windows="$windows $(wrk $LOAD -d5s -s bench/register.lua "$url" -- "$MODE" | awk '/Requests\/sec/ { print $2 }')"
      done
      stop_server "$PID"
      line=$(printf 'round %s  %s  req/s in each 5 s from the first answer:%s' "$round" "$jar" "$windows")
      echo "$line"
      results+=("$line")
      continue
    fi
    wrk $LOAD -d"$WARMUP" -s bench/register.lua "$url" -- "$MODE" > /dev/null
    before=$(writer_ticks "$PID")
    out=$(wrk $LOAD -d"$DURATION" --latency -s bench/register.lua "$url" -- "$MODE")
    after=$(writer_ticks "$PID")
    stop_server "$PID"
    requests=$(echo "$out" | awk '/requests in/ { print $1 }')
    rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
    p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
    errors=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
    us=$(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))
    line=$(printf 'round %s  %s  %8s req/s  p99 %8s  writer %4s us per registration  non-2xx %s' \
      "$round" "$jar" "$rps" "$p99" "$us" "${errors:-0}")
    echo "$line"
    results+=("$line")
  done
done
rm -rf "$OUT/writes-data"
echo
timing="$WARMUP then $DURATION"
[ -z "${FIRST:-}" ] || timing="no warm-up, $FIRST x 5s"
echo "machine: $(nproc) cores; wrk $LOAD, register.lua $MODE, $timing; N=$N; JVM settings: $opts"
printf '%s\n' "${results[@]}"
