#!/usr/bin/env bash
# The group listing as the clients users have send it, two or more builds side by side:
#   bench/clients.sh before.jar after.jar        (ROUNDS=2 N=100000 WARMUP=30s DURATION=10s)
# - java: java.net.http's headers (bench/java-client.lua): on JDK 17 it sends Content-Length: 0
#   with every GET, and on http:// an HTTP/2 upgrade offer;
# - sdk: signed with AK/SK as the official Java SDK signs it (SDK-HMAC-SHA256 over host,
#   user-agent, x-project-id and x-sdk-date, the JSON Content-Type unsigned), one signature
#   replayed (the server accepts it for 15 minutes); made here with openssl.
# Each jar and client gets a fresh server (launcher's JVM settings, no class archive) on a fresh
# copy of the loaded N-version H2 database: WARMUP of load, then DURATION measured.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/clients.sh JAR..." >&2; exit 2; }
N=${N:-100000}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18080}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-10s}
OUT=${OUT:-bench/target}
# shellcheck source=bench/lib.sh
source bench/lib.sh
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
[ -f "$OUT/loaded-$N/modelarts.mv.db" ] || { echo "no $OUT/loaded-$N: run bench/run.sh once" >&2; exit 1; }
path=/v1/bench-project-0/images/group
query=limit=10
url="http://127.0.0.1:$PORT$path?$query"
# bench/credentials.yaml's access key
AK=BENCHACCESSKEY000000
SK=bench-secret-key

sha256_hex() { openssl dgst -sha256 -r | cut -d' ' -f1; }

# wrk's -H options for the listing signed now, as the Java SDK signs it
sdk_headers() {
  local date host="127.0.0.1:$PORT" agent="huaweicloud-usdk-java/3.0" project=bench-project-0 uri="" segment
  local signed="host;user-agent;x-project-id;x-sdk-date" canonical signature
  date=$(date -u +%Y%m%dT%H%M%SZ)
  IFS=/ read -ra segments <<< "$path"
  for segment in "${segments[@]}"; do uri="$uri$segment/"; done
  canonical=$(printf 'GET\n%s\n%s\nhost:%s\nuser-agent:%s\nx-project-id:%s\nx-sdk-date:%s\n\n%s\n%s' \
    "$uri" "$query" "$host" "$agent" "$project" "$date" "$signed" "$(printf '' | sha256_hex)")
  signature=$(printf 'SDK-HMAC-SHA256\n%s\n%s' "$date" "$(printf '%s' "$canonical" | sha256_hex)" \
    | openssl dgst -sha256 -hmac "$SK" -r | cut -d' ' -f1)
  SDK=(-H "Authorization: SDK-HMAC-SHA256 Access=$AK, SignedHeaders=$signed, Signature=$signature"
    -H "X-Sdk-Date: $date" -H "User-Agent: $agent" -H "X-Project-Id: $project"
    -H "Content-Type: application/json" -H "Host: $host")
}

for round in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do
    for client in java sdk; do
      start_jar "$jar" "$OUT/clients-data" "$OUT/clients-server.log"
      if [ "$client" = java ]; then
        how=(-s bench/java-client.lua)
      else
        sdk_headers
        how=("${SDK[@]}")
        status=$(curl -s -o /dev/null -w '%{http_code}' "${how[@]}" "$url")
        [ "$status" = 200 ] || { echo "the signed listing answered $status" >&2; exit 1; }
      fi
      wrk -t2 -c32 -d"$WARMUP" "${how[@]}" "$url" > /dev/null
      out=$(wrk -t2 -c32 -d"$DURATION" "${how[@]}" "$url")
      stop_server "$PID"
      errors=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
      printf 'round %s  %-4s  %s  %10s req/s  non-2xx %s\n' "$round" "$client" "$jar" \
        "$(echo "$out" | awk '/Requests\/sec/ { print $2 }')" "${errors:-0}"
    done
  done
done
rm -rf "$OUT/clients-data"
echo "machine: $(nproc) cores; wrk -t2 -c32, $WARMUP then $DURATION; N=$N; JVM settings: $(launcher_java_opts)"
