#!/usr/bin/env bash
# The resident size under load, for one JVM setting: the server on a copy of bench/target/loaded-N
# (made by bench/run.sh), three rounds of the group listing (limit 10 and 200), ListImage and
# ShowImage for STEP each, then registrations; RSS after each step, and the JVM's own account
# (NMT) when JAVA_OPTS asks for it. Usage: JAVA_OPTS="-Xmx192m -XX:+UseSerialGC" bench/rss.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000} STEP=${STEP:-20s} PORT=${PORT:-18080} OUT=${OUT:-bench/target}
name=${1:?a name for this setting}
[ -f "$OUT/loaded-$N/modelarts.mv.db" ] || { echo "no $OUT/loaded-$N: run bench/run.sh once" >&2; exit 1; }
rm -rf "$OUT/rss-data"; cp -r "$OUT/loaded-$N" "$OUT/rss-data"
bin/modelarts-image-server --port "$PORT" --credentials bench/credentials.yaml --data-dir "$OUT/rss-data" \
  > "$OUT/rss-$name.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
B="http://127.0.0.1:$PORT/v1/bench-project-0"
for _ in $(seq 600); do curl -fs -o /dev/null -H 'X-Auth-Token: bench-token' "$B/images/group?limit=10" && break; sleep 0.05; done
image=$(curl -s -H 'X-Auth-Token: bench-token' "$B/images?limit=1&type=DEDICATED" | sed 's/.*"id":"\([^"]*\)".*/\1/')
rss() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }
max=0
for round in 1 2 3; do
  for target in "images/group?limit=10" "images/group?limit=200" "images?limit=10" "images/$image"; do
    rate=$(wrk -t2 -c32 -d"$STEP" -s bench/auth.lua "$B/$target" | awk '/Requests\/sec/ { print $2 }')
    now=$(rss); [ "$now" -gt "$max" ] && max=$now
    echo "$name round $round $target: $rate req/s, RSS $now MiB"
  done
  wrk -t2 -c16 -d10s -s bench/register.lua "$B/images" -- groups > /dev/null
  now=$(rss); [ "$now" -gt "$max" ] && max=$now
done
echo "$name: max RSS $max MiB"
case "${JAVA_OPTS:-}" in
  *NativeMemoryTracking*) jcmd "$PID" VM.native_memory summary > "$OUT/rss-$name.nmt"; echo "NMT: $OUT/rss-$name.nmt" ;;
esac
