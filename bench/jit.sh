#!/usr/bin/env bash
# The JIT settings side by side: for each JVM setting, a fresh server on a fresh copy of the
# N-version H2 database serves the group listing from its first answer on, req/s per CURVE_STEP,
# for CURVE_STEPS steps; the C2 compiler's CPU seconds at the end of the curve say how much of it
# went to compiling. Usage: bench/jit.sh  (N=10000 CURVE_STEPS=12 ONLY='C1 only' bench/jit.sh)
# Needs the jar (mvn -DskipTests package) and bench/run.sh's loaded database of N versions.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
CURVE_STEP=${CURVE_STEP:-5s}
CURVE_STEPS=${CURVE_STEPS:-24}
OUT=${OUT:-bench/target}
JDK25=${JDK25:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
# shellcheck source=bench/lib.sh
source bench/lib.sh
[ -f "$OUT/loaded-$N/modelarts.mv.db" ] || { echo "no $OUT/loaded-$N: run bench/run.sh once" >&2; exit 1; }
base=$(launcher_java_opts)
url="http://127.0.0.1:$PORT/v1/bench-project-0/images/group?limit=10"

# C2 compiles a method after 15,000 calls instead of 5,000: fewer, hotter methods for C2
later="-XX:Tier4InvocationThreshold=15000 -XX:Tier4CompileThreshold=30000"
# name|java|JAVA_OPTS (the launcher adds its class archive or AOT cache to each)
settings=(
  "jdk17 tiered (launcher)|java|$base"
  "jdk17 C1 only|java|$base -XX:TieredStopAtLevel=1"
  "jdk17 2 C2 threads|java|$base -XX:CICompilerCount=3"
  "jdk17 tiered, C2 later|java|$base $later"
  "jdk17 2 C2 threads, C2 later|java|$base -XX:CICompilerCount=3 $later"
)
[ -n "$JDK25" ] && settings+=(
  "jdk25 tiered, AOT cache|$JDK25/bin/java|$base"
  "jdk25 C1 only, AOT cache|$JDK25/bin/java|$base -XX:TieredStopAtLevel=1"
  "jdk25 2 C2 threads, C2 later, AOT cache|$JDK25/bin/java|$base -XX:CICompilerCount=3 $later"
)
for s in "${settings[@]}"; do
  IFS='|' read -r name java opts <<< "$s"
  [[ $name =~ ${ONLY:-.} ]] || continue
  # the class archive or AOT cache of this setting: one run that serves and stops makes it
  rm -rf "$OUT/jit-data" && cp -a "$OUT/loaded-$N" "$OUT/jit-data"
  JAVA=$java SERVER_JAVA_OPTS_OVERRIDE=$opts start_server "$PORT" "$OUT/jit-train-server.log" --data-dir "$OUT/jit-data"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/auth.lua "$url" > /dev/null 2>&1 || true
  stop_server "$PID"
  rm -rf "$OUT/jit-data" && cp -a "$OUT/loaded-$N" "$OUT/jit-data" && sync
  JAVA=$java SERVER_JAVA_OPTS_OVERRIDE=$opts start_server "$PORT" "$OUT/jit-server.log" --data-dir "$OUT/jit-data"
  first=$STARTUP_MS
  curve "$name" "$url"
  c2=$(c2_seconds "$PID"); rss=$(rss_mb "$PID")
  stop_server "$PID"
  echo "$name: first answer $first ms, C2 ${c2} s, RSS $rss MiB; req/s per $CURVE_STEP: ${CURVES[-1]#"$name "}"
done
