#!/usr/bin/env bash
# podman's Docker-compatible API on a socket of this build, for Testcontainers:
#   podman-api.sh start SOCKET   serves it in the background (until stopped, or 10 idle minutes)
#   podman-api.sh stop SOCKET    stops it
# Without podman it says so and does nothing: the tests then skip with their own message.
set -euo pipefail
action=$1 socket=$2
pidfile=$socket.pid
case $action in
  start)
    if ! command -v podman >/dev/null 2>&1; then
      echo "podman-api: podman is not installed; the Testcontainers tests will be skipped"
      exit 0
    fi
    mkdir -p "$(dirname "$socket")"
    rm -f "$socket"
    nohup podman system service --time=600 "unix://$socket" >"$socket.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do
      [ -S "$socket" ] && { echo "podman-api: serving on $socket"; exit 0; }
      sleep 0.1
    done
    echo "podman-api: no socket after 10 s; see $socket.log" >&2
    cat "$socket.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      kill "$(cat "$pidfile")" 2>/dev/null || true
      rm -f "$pidfile" "$socket"
    fi
    ;;
  *)
    echo "usage: podman-api.sh start|stop SOCKET" >&2
    exit 2
    ;;
esac
