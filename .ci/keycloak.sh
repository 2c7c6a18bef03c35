#!/usr/bin/env bash
# Fetches Keycloak's server distribution from Maven Central (cached in ~/.m2), starts it with the
# embedded dev-file database and the tongban realm imported fresh, and stops it again.
#   .ci/keycloak.sh start   # returns when the realm is imported and Keycloak is ready
#   .ci/keycloak.sh stop
set -euo pipefail

KC_VERSION="${KC_VERSION:-26.7.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KC_BASE="${TONGBAN_KEYCLOAK_BASE:-$HOME/.cache/tongban}"
KC_HOME="$KC_BASE/keycloak-$KC_VERSION"
KC_PORT="${KC_PORT:-8180}"
KC_MGMT_PORT="${KC_MGMT_PORT:-9180}"
PID_FILE="$KC_BASE/keycloak.pid"
LOG_FILE="$KC_BASE/keycloak.log"
REALM_FILE="$ROOT/backend/src/main/resources/keycloak/tongban-realm.json"
MVN="$ROOT/mvnw"

install() {
  if [[ -x "$KC_HOME/bin/kc.sh" && -f "$KC_HOME/.built" ]]; then return; fi
  mkdir -p "$KC_BASE"
  local tgz="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.tar.gz"
  if [[ ! -f "$tgz" ]]; then
    echo "keycloak: fetching keycloak-quarkus-dist $KC_VERSION from Maven Central"
    (cd "$KC_BASE" && "$MVN" -q -B dependency:get -Dtransitive=false \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz")
  fi
  rm -rf "$KC_HOME"
  tar -xzf "$tgz" -C "$KC_BASE"
  echo "keycloak: building the optimized server (dev-file database, health endpoints)"
  "$KC_HOME/bin/kc.sh" build --db=dev-file --health-enabled=true >"$KC_BASE/build.log" 2>&1
  touch "$KC_HOME/.built"
}

start() {
  install
  stop >/dev/null 2>&1 || true
  # an existing realm is never re-imported: start from an empty database every time
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/tongban-realm.json"
  echo "keycloak: starting on port $KC_PORT (log: $LOG_FILE)"
  KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin}" \
  KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-kcadmin-ci}" \
  nohup "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-port="$KC_PORT" \
      --http-management-port="$KC_MGMT_PORT" --hostname="http://localhost:$KC_PORT" \
      --import-realm >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$KC_MGMT_PORT/health/ready" >/dev/null 2>&1 \
       && curl -fsS "http://127.0.0.1:$KC_PORT/realms/tongban/.well-known/openid-configuration" >/dev/null 2>&1; then
      echo "keycloak: ready"
      return 0
    fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      echo "keycloak: the server exited; last lines of its log:" >&2
      tail -n 40 "$LOG_FILE" >&2
      return 1
    fi
    sleep 2
  done
  echo "keycloak: not ready after 6 minutes; last lines of its log:" >&2
  tail -n 40 "$LOG_FILE" >&2
  return 1
}

stop() {
  if [[ -f "$PID_FILE" ]]; then
    local pid; pid="$(cat "$PID_FILE")"
    # kc.sh execs java; kill the process group's java child as well
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    echo "keycloak: stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  install) install ;;
  *) echo "usage: $0 start|stop|install" >&2; exit 2 ;;
esac
