#!/usr/bin/env bash
# The benchmark: builds the server, fills databases of N generated versions (H2 files, then a
# throw-away PostgreSQL cluster), drives the server with wrk over loopback (authentication on),
# measures the framework ceiling (on two JVM settings) and WireMock on the server's own answers,
# and prints one table. Usage: bench/run.sh  (SIZES="10000 100000" PG_SIZES= bench/run.sh)
# SKIP_BUILD=1 uses the jar already built (the smoke run inside `mvn verify` does);
# ONLY=REGEX measures only the scenarios whose whole names match (ONLY='register-.*'); REFERENCES=0 leaves out the ceilings
# and WireMock (a partial run for one question; the full table needs both);
# SERVER_JAVA_OPTS_OVERRIDE runs the server with other JVM settings than the launcher's;
# PG_URL_OPTIONS is added to the server's PostgreSQL URL (e.g. "?prepareThreshold=0");
# PG_READS lists the --shared-reads modes measured over PostgreSQL (default "exact notified";
# notified: its read rows, tagged pg-notified, and its visibility on a second instance).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
PG_SIZES=${PG_SIZES-"100000 1000000"}   # empty: no PostgreSQL section
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
PORT2=${PORT2:-$((PORT + 1))}           # the second instance over PostgreSQL
PG_PORT=${PG_PORT:-$((PORT + 2))}
VISIBILITY_COUNT=${VISIBILITY_COUNT:-200}
CURVE_STEP=${CURVE_STEP:-5s}            # the warm-up curves: req/s per step over the first
CURVE_STEPS=${CURVE_STEPS:-24}          # CURVE_STEPS steps of a fresh server and of fresh WireMock
CURVE_N=${CURVE_N:-${SIZES##* }}        # on the largest H2 database
SETTLE_ROUNDS=${SETTLE_ROUNDS:-6}       # the steady state: rounds of reads until one in which the
SETTLE_SHARE=${SETTLE_SHARE:-5}         # C2 compiler used under SETTLE_SHARE % of the time (lib.sh)
WIREMOCK_VERSION=3.13.2
OUT=${OUT:-bench/target}
mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source bench/lib.sh
# ONLY matches a scenario's whole name: ONLY=register once ran through every start and printed
# empty rows, so a pattern that names no scenario stops the run before anything starts
if [ -n "${ONLY:-}" ] && [ -z "$(scenarios - - 0 1 | only_selected)" ]; then
  echo "ONLY=$ONLY names no scenario; match a whole name: $(scenarios - - 0 1 | cut -d'|' -f1 | paste -sd' ')" >&2
  exit 2
fi

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
[ "${SKIP_BUILD:-}" = 1 ] || mvn -q -B -ntp -DskipTests package
JAR=impl/target/modelarts-image-server.jar
# the launcher's JVM settings; the ceiling runs with them and with the JVM's defaults
LAUNCHER_JAVA_OPTS=$(launcher_java_opts)
WIREMOCK="$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar"
[ -f "$WIREMOCK" ] || mvn -q -B -ntp dependency:get -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION

# The server archives its classes at the first stop after serving and maps them at every later
# start. One start, one request and a stop on an empty directory first, reported on its own row,
# so that the measured starts are the later starts a user sees.
rm -f impl/target/modelarts-image-server-*.jsa
mkdir -p "$OUT/first-start" && rm -rf "${OUT:?}/first-start"/*
start_server "$PORT" "$OUT/server-first-start.log" --data-dir "$OUT/first-start"
stop_server "$PID"
row "first-start-no-archive" "h2" "0" "-" "$STARTUP_MS" "-" "-" "-" "-"

# Each N's data is loaded once into loaded-N (kept between runs) and every run starts from a
# copy of it: the registrations a run makes would otherwise pile up in the next run's database.
fresh_data() {
  local n=$1 loaded="$OUT/loaded-$1"
  if [ ! -f "$loaded/modelarts.mv.db" ]; then
    rm -rf "$loaded"
    echo "loading $n versions into H2..."
    java -cp "$JAR" bench/LoadData.java "$loaded" "$n"
  fi
  rm -rf "$OUT/data-$n" && cp -a "$loaded" "$OUT/data-$n"
  sync # the copy reaches the disk now, not during the measurements
}

for N in $SIZES; do
  DATA="$OUT/data-$N"
  fresh_data "$N"
  start_server "$PORT" "$OUT/server-$N.log" --data-dir "$DATA"
  startup_ms=$STARTUP_MS
  echo "h2 N=$N: first answer $startup_ms ms after start"
  SAVE_BODIES=1 measure h2 "$N"   # the largest N's answers are the ceiling's bodies
  row "start-to-first-answer" "h2" "$N" "-" "$startup_ms" "-" "-" "$MAX_RSS" "-"
  # a crash: SIGKILL, then a start on the file as the kill left it (page cache warm)
  kill_server "$PID"
  start_server "$PORT" "$OUT/server-$N-after-kill.log" --data-dir "$DATA"
  row "restart-after-kill" "h2" "$N" "-" "$STARTUP_MS" "-" "-" "-" "-"
  echo "h2 N=$N: restart after SIGKILL, first answer $STARTUP_MS ms: $(phases "$OUT/server-$N-after-kill.log")"
  stop_server "$PID"
done

# The warm-up curve: a fresh server (the launcher, its class archive made), the group listing
# from its first answer on, step by step (WireMock's, fresh too, is measured with it below)
fresh_data "$CURVE_N"
start_server "$PORT" "$OUT/server-$CURVE_N-curve.log" --data-dir "$OUT/data-$CURVE_N"
curve "groups-first-page|h2|$CURVE_N" "http://127.0.0.1:$PORT/v1/bench-project-0/images/group?limit=10"
stop_server "$PID"

# --fsync: each group commit forced to the disk device, on the smallest database
N=${SIZES%% *}
fresh_data "$N"
start_server "$PORT" "$OUT/server-$N-fsync.log" --data-dir "$OUT/data-$N" --fsync
ONLY="register-16-groups|register-one-group" measure h2-fsync "$N"
stop_server "$PID"

if [ -n "$PG_SIZES" ] && [ -z "$PG_BIN" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql): no PostgreSQL section" >&2
elif [ -n "$PG_SIZES" ]; then
  pg_start "$PG_PORT"
  trap pg_stop EXIT
  for N in $PG_SIZES; do
    pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "bench_$N"
    URL="jdbc:postgresql://127.0.0.1:$PG_PORT/bench_$N"
    echo "loading $N versions into PostgreSQL..."
    java -cp "$JAR" bench/LoadData.java "$URL" "$N" postgres ""
    URL="$URL${PG_URL_OPTIONS:-}"
    for MODE in ${PG_READS:-exact notified}; do
      db=pg; [ "$MODE" = exact ] || db="pg-$MODE"
      start_server "$PORT" "$OUT/server-$db-$N.log" --db-url "$URL" --db-user postgres --shared-reads "$MODE"
      startup_ms=$STARTUP_MS
      echo "postgresql N=$N, $MODE reads: first answer $startup_ms ms after start"
      if [ "$MODE" = exact ]; then
        measure "$db" "$N"
        row "start-to-first-answer" "$db" "$N" "-" "$startup_ms" "-" "-" "$MAX_RSS" "-"
      else
        # the modes differ in their reads only
        ONLY="${ONLY:-groups-.*|images-.*|show-image}" measure "$db" "$N"
      fi
      # a second instance over the same database: how soon it lists what the first one wrote,
      # and how many of its first reads after an answered write did not show it yet
      FIRST=$PID
      start_server "$PORT2" "$OUT/server-$db-$N-b.log" --db-url "$URL" --db-user postgres --shared-reads "$MODE"
      java bench/Visibility.java "http://127.0.0.1:$PORT" "http://127.0.0.1:$PORT2" \
        bench-token bench-project-0 "$VISIBILITY_COUNT" > "$OUT/visibility.txt"
      read -r p50 p99 max stale < "$OUT/visibility.txt"
      row "visible-on-2nd-instance" "$db" "$N" "-" "$p50" "$p99" "0" "-" "-"
      STALE+=("$db N=$N: $stale of $VISIBILITY_COUNT first reads on the second instance did not show the write yet")
      echo "  $db two instances: visible after p50 $p50 ms, p99 $p99 ms, max $max ms; stale first reads $stale"
      stop_server "$PID"
      stop_server "$FIRST"
    done
  done
  pg_stop
  trap - EXIT
fi

# The ceilings: the same answers, precomputed, from a bare Jersey resource; on the launcher's
# JVM settings and on the JVM's defaults, every ratio to the higher of the two
for jvm in $([ "${REFERENCES:-1}" = 1 ] && echo launcher default); do
  opts=$([ "$jvm" = launcher ] && echo "$LAUNCHER_JAVA_OPTS" || true)
  # shellcheck disable=SC2086
  java $opts -cp "$JAR" bench/CeilingServer.java "$PORT" "$OUT/bodies" > "$OUT/ceiling-$jvm.log" 2>&1 &
  CPID=$!
  wait_for "http://127.0.0.1:$PORT/c/groups"
  settled=$(settle "$CPID" "http://127.0.0.1:$PORT/c/"{groups,groups200,images,image})
  SETTLED+=("ceiling, $jvm JVM settings: ${settled% *} s of reads, C2 compiler ${settled#* } s in all")
  for body in groups groups200 images image; do
    read -r rps p50 p99 errors <<< "$(drive bench/auth.lua "http://127.0.0.1:$PORT/c/$body")"
    row "ref:ceiling-$jvm-jvm" "-" "$body" "$rps" "$p50" "$p99" "$errors" "$(rss_mb "$CPID")" "$body"
  done
  stop_server "$CPID"
done

if [ "${REFERENCES:-1}" = 1 ]; then
WM="$OUT/wiremock"; mkdir -p "$WM/mappings" "$WM/__files"
cp "$OUT/bodies/groups.json" "$WM/__files/page.json"
cat > "$WM/mappings/page.json" <<'JSON'
{"request": {"method": "GET", "urlPattern": ".*"},
 "response": {"status": 200, "bodyFileName": "page.json", "headers": {"Content-Type": "application/json"}}}
JSON
java -jar "$WIREMOCK" --port "$PORT" --root-dir "$WM" --disable-banner --no-request-journal > "$OUT/wiremock.log" 2>&1 &
WPID=$!
wait_for "http://127.0.0.1:$PORT/x"
curve "ref:wiremock|-|groups" "http://127.0.0.1:$PORT/v1/bench-project-0/images/group?limit=10"
settled=$(settle "$WPID" "http://127.0.0.1:$PORT/v1/bench-project-0/images/group?limit=10")
SETTLED+=("WireMock: ${settled% *} s of reads after its curve, C2 compiler ${settled#* } s in all")
read -r rps p50 p99 errors <<< "$(drive bench/auth.lua "http://127.0.0.1:$PORT/v1/bench-project-0/images/group?limit=10")"
row "ref:wiremock" "-" "groups" "$rps" "$p50" "$p99" "$errors" "$(rss_mb "$WPID")" "-"
stop_server "$WPID"
fi

# the table: each scenario as a ratio to the higher ceiling on the same body, and to WireMock
{
  echo
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; $(java -version 2>&1 | head -1)"
  echo "server JVM settings: ${SERVER_JAVA_OPTS_OVERRIDE:-$LAUNCHER_JAVA_OPTS} (launcher: $LAUNCHER_JAVA_OPTS)"
  printf '| %-24s | %-2s | %9s | %9s | %8s | %8s | %6s | %7s | %10s | %10s |\n' scenario db N 'req/s' 'p50 ms' 'p99 ms' errors 'RSS MiB' 'x ceiling' 'x WireMock'
  printf '|%s|\n' '---|---|---|---|---|---|---|---|---|---'
  printf '%s\n' "${ROWS[@]}" | awk -F'|' '
    { rows[NR] = $0 }
    $1 ~ /^ref:ceiling/ && $4 + 0 > best[$9] { best[$9] = $4 + 0 }
    $1 == "ref:wiremock" { wm = $4 + 0 }
    END {
      for (i = 1; i <= NR; i++) {
        split(rows[i], f, "|")
        rc = (f[4] ~ /^[0-9.]+$/ && best[f[9]] > 0) ? sprintf("%.2f", f[4] / best[f[9]]) : "-"
        rw = (f[4] ~ /^[0-9.]+$/ && wm > 0 && f[9] != "-") ? sprintf("%.2f", f[4] / wm) : "-"
        printf "| %-24s | %-2s | %9s | %9s | %8s | %8s | %6s | %7s | %10s | %10s |\n", f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], rc, rw
      }
    }'
  # PostgreSQL's reads against H2's: each pg row's req/s over the h2 row of its scenario and N
  printf '%s\n' "${ROWS[@]}" | awk -F'|' '
    $2 == "h2" && $4 ~ /^[0-9.]+$/ { h2[$1 "|" $3] = $4 }
    $2 ~ /^pg/ && $4 ~ /^[0-9.]+$/ && $1 !~ /^register/ { pg[++n] = $0 }
    END {
      if (!n) exit
      print ""; print "PostgreSQL against H2 (req/s over the H2 row of the same scenario and N):"
      for (i = 1; i <= n; i++) {
        split(pg[i], f, "|"); k = f[1] "|" f[3]
        if (h2[k] > 0) printf "  %-20s %-12s N=%-8s %7.2f x H2 (%s / %s)\n", f[1], f[2], f[3], f[4] / h2[k], f[4], h2[k]
      }
    }'
  if [ ${#STALE[@]} -gt 0 ]; then
    echo
    echo "reads exact across instances (bench/Visibility.java, one write at a time through the first instance):"
    printf '  %s\n' "${STALE[@]}"
  fi
  echo
  echo "steady state (each process's reads driven until its C2 compiler idled, before its rows):"
  printf '  %s\n' "${SETTLED[@]}"
  # the warm-up: each fresh process's curve, its first 10 s against its steady rate (the
  # measured row of the same scenario), and how soon a step reached 80 % of that rate
  echo
  echo "warm-up, req/s per $CURVE_STEP from the first answer (fresh processes):"
  printf '%s\n' "${ROWS[@]}" > "$OUT/rows.txt"
  printf '%s\n' "${CURVES[@]}" | while IFS= read -r line; do
    key=${line%% *}; rates=${line#* }
    steady=$(awk -F'|' -v k="$key" '$1 "|" $2 "|" $3 == k { print $4; exit }' "$OUT/rows.txt")
    echo "$key $rates" | awk -v steady="${steady:-0}" -v step="${CURVE_STEP%s}" '{
      first = 0; n = 0; at80 = "-"
      for (i = 2; i <= NF; i++) {
        if ((i - 1) * step <= 10) { first += $i; n++ }
        if (at80 == "-" && steady > 0 && $i >= 0.8 * steady) at80 = (i - 1) * step " s"
      }
      first = n ? first / n : 0
      printf "  %-36s %s\n", $1, substr($0, index($0, " ") + 1)
      printf "  %-36s first 10 s: %.0f req/s = %.2f x steady (%s); 80 %% of steady by the end of step: %s\n", "", first, steady ? first / steady : 0, steady, at80
    }'
  done
} | tee "$OUT/results.md"
