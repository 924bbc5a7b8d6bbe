#!/usr/bin/env bash
# The start of two or more builds, side by side: milliseconds from the launcher's start to the
# first 200 of the group listing, on the loaded N-version H2 database (page cache warm):
#   bench/starts.sh before.jar after.jar          (STARTS=4 N=1000000 JAVA=... bench/starts.sh a.jar b.jar)
# Each jar runs through its own copy of bin/modelarts-image-server, so it gets the launcher's
# JVM settings and its own class cache: one training start that serves and stops (the class-data
# archive on JDK 17, the AOT cache on JDK 25 and newer), then STARTS measured starts, the jars
# alternating. JAVA chooses the JVM, as for the launcher. Make a "before" jar as bench/builds.sh says.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/starts.sh JAR..." >&2; exit 2; }
N=${N:-1000000}
STARTS=${STARTS:-4}
PORT=${PORT:-18080}
OUT=${OUT:-bench/target}
# shellcheck source=bench/lib.sh
source bench/lib.sh
[ -f "$OUT/loaded-$N/modelarts.mv.db" ] || { echo "no $OUT/loaded-$N: run bench/run.sh once" >&2; exit 1; }
data="$OUT/starts-data"
rm -rf "$data" && cp -a "$OUT/loaded-$N" "$data" && cat "$data"/* > /dev/null

# one start of the launcher in $1; prints the milliseconds to the first answer
start_once() {
  local tree=$1 start pid ms
  require_free_port "$PORT"
  start=$(date +%s%N)
  "$tree/bin/modelarts-image-server" --port "$PORT" --credentials bench/credentials.yaml --data-dir "$data" \
    > "$tree/server.log" 2>&1 &
  pid=$!
  await_listing "$PORT" "$tree/server.log" "$pid"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # a ListImage too, so that a training start leaves its path in the class cache as well
  curl -fs -o /dev/null -H 'X-Auth-Token: bench-token' "http://127.0.0.1:$PORT/v1/bench-project-0/images?limit=10"
  stop_server "$pid"
  echo "$ms"
}

trees=()
for jar in "$@"; do
  tree="$OUT/starts-$(( ${#trees[@]} + 1 ))"
  rm -rf "$tree" && mkdir -p "$tree/bin" "$tree/impl/target"
  cp bin/modelarts-image-server "$tree/bin/" && cp "$jar" "$tree/impl/target/modelarts-image-server.jar"
  start_once "$tree" > /dev/null   # the training start
  trees+=("$tree")
done
declare -A times
for _ in $(seq 1 "$STARTS"); do
  for i in "${!trees[@]}"; do
    times[$i]="${times[$i]:-} $(start_once "${trees[$i]}")"
  done
done
echo "machine: $(nproc) cores; N=$N; $("${JAVA:-java}" -version 2>&1 | head -1); JVM settings: $(launcher_java_opts)"
jars=("$@")
for i in "${!trees[@]}"; do
  echo "${jars[$i]}: first answer ms:${times[$i]}"
done
for tree in "${trees[@]}"; do rm -rf "$tree"; done
rm -rf "$data"
