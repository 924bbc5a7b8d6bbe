#!/usr/bin/env bash
# Gives bin/modelarts-image-server its class cache when the jar is built, so that the first
# start after a build maps one too: a CI job that builds and starts the server once never had a
# second start, which is where the launcher's cache paid off before. One run of the launcher
# itself (its JVM, its settings, the jar it will start), --in-memory on a free port, serves a few
# requests of every kind (training-requests.sh) and stops on SIGTERM; the launcher's server then
# writes its class-data archive (JDK 17 to 24), or the JVM its AOT cache (25 and newer), beside
# the jar under the name the next start looks for. An optimisation only: if the run fails, the
# build goes on and says so, and the first start makes the cache as it did before.
# Skipped with -Dlauncher.archive.skip (impl/pom.xml).
# Usage: launcher-archive.sh LAUNCHER LOG
set -uo pipefail
launcher=$1 log=$2
here=$(dirname "$0")
command -v curl >/dev/null 2>&1 || { echo "no curl: the launcher's class cache is made at its first start instead"; exit 0; }

"$launcher" --in-memory --port 0 > "$log" 2>&1 &
pid=$!
port=
for _ in $(seq 1 600); do
  port=$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\)/.*|\1|p' "$log" | head -n 1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "the launcher's training run did not start (see $log): its class cache is made at its first start instead"
  exit 0
fi
"$here/training-requests.sh" "http://127.0.0.1:$port"
kill "$pid"
wait "$pid"
cache=$(ls -t "$(dirname "$launcher")"/../impl/target/modelarts-image-server-*.{jsa,aot} 2>/dev/null | head -n 1)
if [ -n "$cache" ]; then
  echo "gave the launcher a class cache: $(basename "$cache") ($(du -m "$cache" | cut -f1) MB)"
else
  echo "the launcher's training run left no class cache (see $log): it is made at its first start instead"
fi
