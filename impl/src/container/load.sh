#!/usr/bin/env bash
# Loads the image tarball into podman, where podman is installed; says so where it is not.
# Usage: load.sh IMAGE_TAR NAME
set -euo pipefail
if ! command -v podman >/dev/null 2>&1; then
  echo "podman is not installed: $1 was built but not loaded (ContainerIT will be skipped)"
  exit 0
fi
# the image this name meant before: once the new one takes the name it is left dangling
old=$(podman image inspect --format '{{.Id}}' "$2" 2>/dev/null || true)
podman load --quiet --input "$1" >/dev/null
podman image exists "$2"
new=$(podman image inspect --format '{{.Id}}' "$2")
if [ -n "$old" ] && [ "$old" != "$new" ]; then
  podman rmi "$old" >/dev/null 2>&1 || true   # still used by a container: left to its owner
fi
# and the Jib images the trained ones were layered onto (train.sh), which nothing names now
podman image prune --force --filter label=org.opencontainers.image.title=modelarts-image-server >/dev/null 2>&1 || true
echo "loaded $2 into podman ($(podman image inspect --format '{{.Size}}' "$2" | awk '{printf "%.1f MB", $1 / 1e6}'))"
