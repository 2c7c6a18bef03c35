#!/usr/bin/env bash
# Startup benchmark of the built jar on its embedded defaults: time from `java -jar` until
# /actuator/health answers UP, and Spring Boot's own "Started ... in N seconds", over several runs,
# the first on an empty data folder (schema migration, demo data) and the rest on existing data.
#   .ci/bench-startup.sh [runs]        (needs backend/target/tongban.jar)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
JAR="$ROOT/backend/target/tongban.jar"
PORT="${PORT:-18090}"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
printf 'run\tdata\thealth_up_s\tboot_started_s\n'
for i in $(seq 1 "$RUNS"); do
  state=$([[ $i -eq 1 ]] && echo empty || echo existing)
  start=$(date +%s.%N)
  java -jar "$JAR" --server.port="$PORT" --tongban.data-dir="$DATA" >"$DATA/run-$i.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "portal exited; see $DATA/run-$i.log" >&2; exit 1; }
    sleep 0.1
  done
  up=$(echo "$(date +%s.%N) - $start" | bc)
  boot=$(grep -o 'Started TongbanApplication in [0-9.]*' "$DATA/run-$i.log" | awk '{print $4}')
  printf '%s\t%s\t%.2f\t%s\n' "$i" "$state" "$up" "$boot"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
