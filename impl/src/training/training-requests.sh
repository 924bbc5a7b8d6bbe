#!/usr/bin/env bash
# The requests of a training run, which decide what its class cache holds: a few of every kind
# the server answers (register, the group listing filtered and not, ListImage, ShowImage, sync,
# delete, the refusals of bad input and of no credential, IAM discovery, the operator's
# endpoints), five rounds, with the development credential. Used by the container image's
# training run (src/container/train.sh) and the launcher's (src/training/launcher-archive.sh).
# Usage: training-requests.sh BASE_URL   (http://127.0.0.1:PORT, the server ready)
set -uo pipefail
base=$1
api=$base/v1/dev-project
call() { curl -s -o /dev/null -H 'X-Auth-Token: dev-token' -H 'Content-Type: application/json' "$@" || true; }
for round in $(seq 1 5); do
  id=$(curl -s -H 'X-Auth-Token: dev-token' -H 'Content-Type: application/json' \
    -d "{\"swr_path\":\"swr.cn-north-4.myhuaweicloud.com/train/image-$round:v$round\",\"description\":\"training\"}" \
    "$api/images" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  call "$api/images/group?limit=10&offset=0"
  call "$api/images/group?name=image&name_fuzzy_match=true&type=DEDICATED"
  call "$api/images?limit=5&sort_key=create_at&sort_dir=DESC"
  if [ -n "$id" ]; then
    call "$api/images/$id"
    call -X POST "$api/images/$id/sync"
    call -X DELETE "$api/images/$id"
  fi
  call "$api/images/group?limit=0"                      # refused: 400
  call "$api/images/no-such-image"                      # 400 ModelArts.6404
  call -d '{"swr_path":' "$api/images"                  # malformed JSON
  curl -s -o /dev/null "$api/images" || true           # no credential: 401
  call "$base/v3/projects"
  for path in health health/live metrics version openapi.json; do
    curl -s -o /dev/null "$base/$path" || true
  done
done
exit 0
