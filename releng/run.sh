#!/usr/bin/env bash
# Runs LogMaster's main job on this machine: builds what is not built yet, then starts the
# collector on its embedded H2 default with a local data folder (./data), printing where it
# listens and where data goes, and the desktop console beside it when there is a display.
# Ctrl-C stops the collector (everything received is stored first).
# Usage: releng/run.sh [--no-console]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source releng/lib/java.sh
source releng/lib/maven.sh

DATA="${LOGMASTER_DATA:-$ROOT/data}"
CONFIG="$DATA/collector.yaml"
JAR="$ROOT/collector/target/logmaster-collector.jar"

if [ ! -f "$JAR" ] || [ -n "$(find collector/src proto/src -newer "$JAR" -type f -print -quit 2>/dev/null)" ]; then
  echo "== building the collector (tests skipped; releng/test.sh runs them)"
  ./mvnw -B -q -ntp -pl collector -am package -DskipTests
fi

collector() { "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar "$JAR" "$@"; }

if [ ! -f "$CONFIG" ]; then
  if [ "$(id -u)" -eq 0 ]; then ports=(--udp-port 514 --tcp-port 514 --tls-port 6514)
  else
    echo "== not root: using ports 1514 (udp, tcp) and 6514 (tls) instead of 514"
    ports=(--udp-port 1514 --tcp-port 1514 --tls-port 6514)
  fi
  collector init --config "$CONFIG" --data-dir "$DATA" "${ports[@]}"
fi

CONSOLE_PRODUCT="$ROOT/console-rcp/org.logmaster.console.product/target/products/org.logmaster.console.product/linux/gtk/x86_64"
if [ "${1:-}" = "--no-console" ]; then
  :
elif [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "== no display: the console is not started (on a desktop: releng/console/start-console.sh)"
else
  if ! ls "$CONSOLE_PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar >/dev/null 2>&1; then
    echo "== building the console (first time only, a few minutes; tests skipped)"
    ./mvnw -B -q -ntp package -DskipTests
  fi
  # the API port of the configuration's "api:" section (the line "port:" after it)
  api_port=$(awk '/^api:/ { in_api = 1; next } /^[^ #]/ { in_api = 0 } in_api && $1 == "port:" { print $2; exit }' "$CONFIG")
  echo "== starting the console: it offers localhost:${api_port:-6515} (TLS), user admin; compare the certificate"
  echo "   fingerprint it shows with the one the collector prints below (api certificate SHA-256 fingerprint)"
  releng/console/start-console.sh --offer "localhost:${api_port:-6515}" &
fi
exec "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -jar "$JAR" run --config "$CONFIG"
