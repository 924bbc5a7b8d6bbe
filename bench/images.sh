#!/usr/bin/env bash
# Container images side by side (issue 24: the image on JDK 25 with its AOT cache): for each
# image, STARTS fresh containers, the images alternating, each --in-memory (the built-in catalog),
#   - the milliseconds from `podman run` to the first 200 of the group listing,
#   - the group listing's requests/s over the first FIRST seconds after that answer (wrk -t2 -c32),
#   - the container's JVM resident size after them (MiB),
# and the start line's JVM and class cache. Build the images as docs/operating.md says, e.g.
#   mvn -pl impl -am package -DskipTests -Dcontainer.image=modelarts-image-server:jdk17
#   mvn -pl impl -am package -DskipTests -Dcontainer.image=modelarts-image-server:jdk25 \
#     -Dcontainer.java.home=/usr/lib/jvm/temurin-25-jdk-amd64 -Dcontainer.size.limit.mb=160
#   STARTS=4 bench/images.sh modelarts-image-server:jdk17 modelarts-image-server:jdk25
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/images.sh IMAGE..." >&2; exit 2; }
command -v podman >/dev/null && command -v wrk >/dev/null || { echo "bench/images.sh needs podman and wrk" >&2; exit 1; }
STARTS=${STARTS:-4}
FIRST=${FIRST:-10}
PORT=${PORT:-18090}
OUT=${OUT:-bench/target}
mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source bench/lib.sh
name=modelarts-bench-image-$$
trap 'podman rm -f "$name" >/dev/null 2>&1 || true' EXIT
listing="http://127.0.0.1:$PORT/v1/dev-project/images/group?limit=10"

# one container of image $1: prints "first_answer_ms first_seconds_req_per_s rss_mib"
start_once() {
  local start ms rps pid rss
  require_free_port "$PORT"
  start=$(date +%s%N)
  podman run -d --name "$name" --publish "127.0.0.1:$PORT:8080" --env MODELARTS_IN_MEMORY=true "$1" > /dev/null
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null -H 'X-Auth-Token: dev-token' "$listing" && break
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  curl -fs -o /dev/null -H 'X-Auth-Token: dev-token' "$listing" || { podman logs "$name" >&2; exit 1; }
  wrk -t2 -c32 -d"${FIRST}s" -H 'X-Auth-Token: dev-token' "$listing" > "$OUT/wrk-image.txt" 2>&1 || true
  rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$OUT/wrk-image.txt")
  pid=$(podman inspect --format '{{.State.Pid}}' "$name")   # the entrypoint is the JVM itself
  rss=$(rss_mb "$pid")
  podman logs "$name" 2>&1 | sed -n 's/.*listening on [^ ]* (\(.*\))$/\1/p' > "$OUT/image-jvm.txt"
  podman rm -f "$name" > /dev/null
  echo "$ms $rps $rss"
}

declare -A starts rates sizes jvms
for _ in $(seq 1 "$STARTS"); do
  for image in "$@"; do
    result=$(start_once "$image")   # a failed start ends the script
    read -r ms rps rss <<< "$result"
    starts[$image]="${starts[$image]:-} $ms"
    rates[$image]="${rates[$image]:-} $rps"
    sizes[$image]="${sizes[$image]:-} $rss"
    jvms[$image]=$(cat "$OUT/image-jvm.txt")
  done
done
echo "machine: $(nproc) cores; podman $(podman version --format '{{.Client.Version}}'); wrk -t2 -c32; --in-memory"
for image in "$@"; do
  echo "$image ($(podman image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.1f MB", $1 / 1e6 }'); ${jvms[$image]})"
  echo "  first answer ms:${starts[$image]}"
  echo "  first ${FIRST} s, req/s:${rates[$image]}"
  echo "  RSS MiB after them:${sizes[$image]}"
done
