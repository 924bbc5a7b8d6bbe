#!/usr/bin/env bash
# Gives the loaded image a class cache of the JDK's and the server's classes, made by a training
# run of the image itself: the image's entrypoint names /opt/app/classes.jsa, which Jib's layers
# do not have (a JVM that finds nothing there starts without it, as it does where this script
# cannot run). On a JVM of 25 or newer (-Dcontainer.java.home) it first tries an ahead-of-time
# cache (JEP 483, 514, 515: classes loaded and linked, and method profiles), which the image
# then maps with -XX:AOTCache instead; when that cache would take the image over its size
# limit, or on an older JVM, it makes a class-data archive (AppCDS) of the classes loaded first:
#   1. a training container runs the server from the image itself, its entrypoint's archive
#      option replaced (by -XX:AOTCacheOutput, or by -XX:DumpLoadedClassList), serves a few
#      requests of every kind (src/training/training-requests.sh), and stops on SIGTERM: the AOT
#      cache, or the classes it loaded in the order it loaded them;
#   2. a container of the image dumps the archive of those classes (-Xshare:dump, with
#      -XX:+AOTClassLinking on 24 and newer) with the entrypoint's JVM options and class path,
#      which is what lets the server map it;
#   3. the list is cut, its last-loaded classes first, while the archive would take the image
#      over its size limit;
#   4. the cache or archive is layered onto the image under the same name (podman build FROM the
#      local image: nothing is pulled; for an AOT cache, with the entrypoint naming it), and the
#      image is saved back over Jib's tarball.
# Usage: train.sh IMAGE_TAR NAME WORK_DIR IMAGE_LIMIT_MB (decimal megabytes, as podman counts)
set -euo pipefail
tar=$1 image=$2 work=$3 limit_mb=$4
if ! command -v podman >/dev/null 2>&1; then
  exit 0   # load.sh said so already
fi
archive=/opt/app/classes.jsa
name=modelarts-train-$$
rm -rf "$work"
mkdir -p "$work"
cleanup() { podman rm -f "$name" "$name-dump" >/dev/null 2>&1 || true; }
trap cleanup EXIT

entrypoint=$(podman image inspect --format '{{json .Config.Entrypoint}}' "$image")
if [[ "$entrypoint" != *"\"-XX:SharedArchiveFile=$archive\""* ]]; then
  echo "train.sh: the entrypoint of $image names no -XX:SharedArchiveFile=$archive" >&2
  exit 1
fi

# the room the cache may take: the image's limit less the image without it, and half a MB for the layer
budget=$(( limit_mb * 1000000 - $(podman image inspect --format '{{.Size}}' "$image") - 500000 ))
# the image's JVM feature version (17, 25, ...)
feature=$(podman run --rm --entrypoint /opt/java/bin/java "$image" -version 2>&1 \
  | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)

# 1. a training run: the entrypoint's archive option replaced by $1; the run leaves $2 in /tmp,
# which is copied to $WORK/$2
train() {
  local training=${entrypoint//-XX:SharedArchiveFile=$archive/$1} port base
  podman rm -f "$name" >/dev/null 2>&1 || true
  podman run -d --name "$name" --publish 127.0.0.1::8080 --env MODELARTS_IN_MEMORY=true \
    --entrypoint "$training" "$image" >/dev/null
  port=$(podman port "$name" 8080/tcp | sed 's/.*://')
  base=http://127.0.0.1:$port
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$base/health/ready" && break
    sleep 0.1
  done
  curl -sf -o /dev/null "$base/health/ready" || { podman logs "$name" >&2; echo "train.sh: the server did not get ready" >&2; exit 1; }
  "$(dirname "$0")/../training/training-requests.sh" "$base"
  # an AOT cache is assembled as the JVM exits, by a second JVM it starts: some 10 s
  podman stop --time 60 "$name" >/dev/null
  podman cp "$name:/tmp/$2" "$work/$2" || { podman logs "$name" >&2; echo "train.sh: the training run left no /tmp/$2" >&2; exit 1; }
}

cache=
if [ "${feature:-0}" -ge 25 ]; then
  train -XX:AOTCacheOutput=/tmp/classes.aot classes.aot
  size=$(stat -c %s "$work/classes.aot")
  if [ "$size" -le "$budget" ]; then
    cache="an AOT cache"
    cp "$work/classes.aot" "$work/classes.jsa"
  else
    echo "train.sh: the AOT cache ($(( size / 1000000 )) MB) would take the image over $limit_mb MB: a class-data archive of the classes loaded first instead"
  fi
fi

# 2. and 3. a class-data archive of the classes loaded first, in a container of the image (its
# class path, its JVM options), cut while it would take the image over its limit
dump=$(printf '%s' "$entrypoint" | sed -e "s|\"-XX:SharedArchiveFile=$archive\"|\"-Xshare:dump\",\"-XX:SharedClassListFile=/tmp/classes.lst\",\"-XX:SharedArchiveFile=/tmp/classes.jsa\"|" \
  -e 's|,"dev.modelarts.local.server.ModelArtsServer"||' -e 's|"-Xlog:cds=off",||')
# from JDK 24 the archive also holds its classes linked, as an AOT cache does (JEP 483)
[ "${feature:-0}" -ge 24 ] && dump=${dump/\"-Xshare:dump\",/\"-Xshare:dump\",\"-XX:+AOTClassLinking\",}
dump_archive() {
  podman rm -f "$name-dump" >/dev/null 2>&1 || true
  podman create --name "$name-dump" --entrypoint "$dump" "$image" >/dev/null
  podman cp "$1" "$name-dump:/tmp/classes.lst"
  podman start --attach "$name-dump" > "$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
  podman cp "$name-dump:/tmp/classes.jsa" "$work/classes.jsa"
}
make_archive() {
  local lines keep size
  train -XX:DumpLoadedClassList=/tmp/classes.lst classes.lst
  mv "$work/classes.lst" "$work/loaded.lst"
  cp "$work/loaded.lst" "$work/classes.lst"
  dump_archive "$work/classes.lst"
  # the classes loaded first (those of the start) are kept
  lines=$(wc -l < "$work/loaded.lst")
  keep=$lines
  for _ in 1 2 3 4 5; do
    size=$(stat -c %s "$work/classes.jsa")
    [ "$size" -le "$budget" ] && break
    keep=$((keep * (budget / 1024) / (size / 1024) * 97 / 100))
    head -n "$keep" "$work/loaded.lst" > "$work/classes.lst"
    dump_archive "$work/classes.lst"
  done
  if [ "$(stat -c %s "$work/classes.jsa")" -gt "$budget" ]; then
    echo "train.sh: no archive fits within $limit_mb MB" >&2
    exit 1
  fi
  [ "$keep" -lt "$lines" ] && echo "train.sh: $keep of $lines lines of the class list archived, to keep the image within $limit_mb MB"
  cache="a class-data archive of $(grep -vc '^@' "$work/classes.lst") classes"   # @ lines: lambdas, call sites
}
[ -n "$cache" ] || make_archive

# 4. the image with its cache or archive; an AOT cache is named as one, so that the start line
# says which it is (-XX:AOTCache, and its log tag silenced as the archive's is)
if [ "$cache" = "an AOT cache" ]; then
  aot=/opt/app/classes.aot
  printf '%s\n' "FROM $image" "COPY classes.jsa $aot" "ENTRYPOINT $(printf '%s' "$entrypoint" | sed \
    -e "s|\"-XX:SharedArchiveFile=$archive\"|\"-XX:AOTCache=$aot\"|" -e 's|"-Xlog:cds=off"|"-Xlog:cds=off","-Xlog:aot=off"|')" \
    > "$work/Containerfile"
else
  printf '%s\n' "FROM $image" "COPY classes.jsa $archive" > "$work/Containerfile"
fi
jib=$(podman image inspect --format '{{.Id}}' "$image")
podman build --quiet --pull=never --tag "$image" --file "$work/Containerfile" "$work" > "$work/image.id"
echo "$jib" > "$work/jib.id"
podman save --quiet --format oci-archive --output "$tar.tmp" "$image" && mv "$tar.tmp" "$tar"
echo "gave $image (JDK $feature) $cache ($(du -m "$work/classes.jsa" | cut -f1) MB)"
