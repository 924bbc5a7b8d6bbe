#!/usr/bin/env bash
# Two or more builds of the server side by side, for a change's before and after in one run:
#   bench/builds.sh before.jar after.jar      (ROUNDS=2 N=100000 bench/builds.sh a.jar b.jar)
# Each round starts every jar in turn (alternating, so that the machine's drift spreads over
# all of them) as a fresh process on a fresh copy of the loaded N-version H2 database, with the
# launcher's JVM settings and no class archive (one build's archive would favour it). For each:
# the group listing's req/s per CURVE_STEP from the first answer (CURVE_STEPS steps), then the
# steady state as bench/run.sh reaches it (reads until the C2 compiler idles), then req/s, p50
# and p99 of the group listing, ListImage and ShowImage, and the peak RSS.
# Make a "before" jar with: git worktree add /tmp/before REV && (cd /tmp/before && mvn -q
# -DskipTests -P '!container' package) && cp /tmp/before/impl/target/modelarts-image-server.jar before.jar
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/builds.sh JAR..." >&2; exit 2; }
N=${N:-100000}
ROUNDS=${ROUNDS:-2}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
CURVE_STEP=${CURVE_STEP:-5s}
CURVE_STEPS=${CURVE_STEPS:-12}
WARMUP=${WARMUP:-5s}
DURATION=${DURATION:-10s}
SETTLE_ROUNDS=${SETTLE_ROUNDS:-6}
SETTLE_SHARE=${SETTLE_SHARE:-5}
OUT=${OUT:-bench/target}
# shellcheck source=bench/lib.sh
source bench/lib.sh
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
[ -f "$OUT/loaded-$N/modelarts.mv.db" ] || { echo "no $OUT/loaded-$N: run bench/run.sh once" >&2; exit 1; }
opts=$(launcher_java_opts)
b="http://127.0.0.1:$PORT/v1/bench-project-0"

results=()
for round in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do
    start_jar "$jar" "$OUT/builds-data" "$OUT/builds-server.log"
    CURVES=()
    curve "$jar" "$b/images/group?limit=10"
    image=$(dedicated_image "$b")
    urls=("$b/images/group?limit=10" "$b/images?limit=10" "$b/images/$image")
    settled=$(settle "$PID" "${urls[@]}")
    line="round $round  $jar"$'\n'"  curve: ${CURVES[0]#"$jar "}"$'\n'"  settled after ${settled% *} s of reads (C2 ${settled#* } s)"
    for url in "${urls[@]}"; do
      read -r rps p50 p99 errors <<< "$(drive bench/auth.lua "$url")"
      line+=$'\n'"  $(printf '%-34s %7s req/s  p50 %6s ms  p99 %6s ms  errors %s' "${url#"$b"/}" "$rps" "$p50" "$p99" "$errors")"
    done
    line+=$'\n'"  peak RSS $(( $(awk '/VmHWM/ { print $2 }' "/proc/$PID/status") / 1024 )) MiB"
    stop_server "$PID"
    echo "$line"
    results+=("$line")
  done
done
rm -rf "$OUT/builds-data"
echo
echo "machine: $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; N=$N; JVM settings: $opts"
printf '%s\n' "${results[@]}"
