#!/usr/bin/env bash
# The resident size under load, for one JVM setting: the server on a copy of bench/target/loaded-N
# (made by bench/run.sh), three rounds of the group listing (limit 10 and 200), ListImage and
# ShowImage for STEP each, then registrations; RSS after each step, and the JVM's own account
# (NMT) when JAVA_OPTS asks for it. Usage: JAVA_OPTS="-Xmx128m -XX:+UseSerialGC" bench/rss.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000} STEP=${STEP:-20s} PORT=${PORT:-18080} OUT=${OUT:-bench/target}
# shellcheck source=bench/lib.sh
source bench/lib.sh
name=${1:?a name for this setting}
[ -f "$OUT/loaded-$N/modelarts.mv.db" ] || { echo "no $OUT/loaded-$N: run bench/run.sh once" >&2; exit 1; }
rm -rf "$OUT/rss-data"; cp -r "$OUT/loaded-$N" "$OUT/rss-data"
start_server "$PORT" "$OUT/rss-$name.log" --data-dir "$OUT/rss-data"   # JAVA_OPTS reaches the launcher
trap 'stop_server "$PID"' EXIT
B="http://127.0.0.1:$PORT/v1/bench-project-0"
image=$(dedicated_image "$B")
max=0
for round in 1 2 3; do
  for target in "images/group?limit=10" "images/group?limit=200" "images?limit=10" "images/$image"; do
    rate=$(wrk -t2 -c32 -d"$STEP" -s bench/auth.lua "$B/$target" | awk '/Requests\/sec/ { print $2 }')
    now=$(rss_mb "$PID"); [ "$now" -gt "$max" ] && max=$now
    echo "$name round $round $target: $rate req/s, RSS $now MiB"
  done
  wrk -t2 -c16 -d10s -s bench/register.lua "$B/images" -- groups > /dev/null
  now=$(rss_mb "$PID"); [ "$now" -gt "$max" ] && max=$now
done
echo "$name: max RSS $max MiB"
case "${JAVA_OPTS:-}" in
  *NativeMemoryTracking*) jcmd "$PID" VM.native_memory summary > "$OUT/rss-$name.nmt"; echo "NMT: $OUT/rss-$name.nmt" ;;
esac
