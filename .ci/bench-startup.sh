#!/usr/bin/env bash
# Startup benchmark of the built jar on its embedded defaults: time from `java -jar` until
# /actuator/health answers UP, and Spring Boot's own "Started ... in N seconds", over several runs,
# the first on an empty data folder (schema migration, demo data) and the rest on existing data.
# Each run starts the README's way (the extracted jar with its class data sharing archive, from the
# project's root) and then the plain jar (`java -jar backend/target/tongban.jar`), one after the other.
#   .ci/bench-startup.sh [runs]        (needs ./mvnw -DskipTests package)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
cd "$ROOT"
PORT="${PORT:-18090}"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
README_CMD=(java -XX:SharedArchiveFile=backend/target/tongban/tongban.jsa -jar backend/target/tongban/tongban.jar)
PLAIN_CMD=(java -jar backend/target/tongban.jar)
printf 'run\tstart\tdata\thealth_up_s\tboot_started_s\n'
for n in $(seq 1 $((RUNS * 2))); do
  i=$(( (n + 1) / 2 ))
  if (( n % 2 == 1 )); then how=readme; cmd=("${README_CMD[@]}"); else how=plain-jar; cmd=("${PLAIN_CMD[@]}"); fi
  data="$DATA/$how"
  state=$([[ -d $data ]] && echo existing || echo empty)
  start=$(date +%s.%N)
  "${cmd[@]}" --server.port="$PORT" --tongban.data-dir="$data" >"$DATA/run-$n.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "portal exited; see $DATA/run-$n.log" >&2; exit 1; }
    sleep 0.1
  done
  up=$(echo "$(date +%s.%N) - $start" | bc)
  boot=$(grep -o 'Started TongbanApplication in [0-9.]*' "$DATA/run-$n.log" | awk '{print $4}')
  printf '%s\t%s\t%s\t%.2f\t%s\n' "$i" "$how" "$state" "$up" "$boot"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
