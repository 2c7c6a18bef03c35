#!/usr/bin/env bash
# Throughput of the workflow engine on MariaDB (docs/benchmarks.md): creates a fresh database
# (tables that grew in earlier runs slow later ones), runs WorkflowThroughputBenchmark, prints its
# result line. Usage: .ci/bench-workflow.sh [runs] ; BENCH_JFR=1 also records a flight recording
# per run under backend/target/ for a profile.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1}"
db=tongban_bench
url="jdbc:mysql://127.0.0.1:3306/$db?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&cachePrepStmts=true&prepStmtCacheSize=256&prepStmtCacheSqlLimit=2048&useServerPrepStmts=true&rewriteBatchedStatements=true&useLocalSessionState=true&elideSetAutoCommits=true&cacheResultSetMetadata=true&cacheServerConfiguration=true&maintainTimeStats=false"
mariadb-admin -uroot ping >/dev/null
for run in $(seq 1 "$runs"); do
  mariadb -uroot <<SQL
DROP DATABASE IF EXISTS \`$db\`;
CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'tongban'@'localhost' IDENTIFIED BY 'tongban';
CREATE USER IF NOT EXISTS 'tongban'@'127.0.0.1' IDENTIFIED BY 'tongban';
GRANT ALL PRIVILEGES ON \`$db\`.* TO 'tongban'@'localhost';
GRANT ALL PRIVILEGES ON \`$db\`.* TO 'tongban'@'127.0.0.1';
SQL
  jfr=()
  if [ -n "${BENCH_JFR:-}" ]; then
    jfr=("-DargLine=-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=$PWD/backend/target/benchmark-$run.jfr,settings=profile")
  fi
  TONGBAN_DB_URL="$url" ./mvnw -q -o -pl backend failsafe:integration-test -Dit.test=WorkflowThroughputBenchmark \
    -Dspring.profiles.active=demo,mariadb ${BENCH_ARGS:-} ${BENCH_ARGS:-} -Dfailsafe.failIfNoSpecifiedTests=false "${jfr[@]}" >/dev/null || {
    echo "benchmark run $run failed (backend/target/failsafe-reports)"; exit 1; }
  cat backend/target/benchmark-workflow.txt
done
