#!/usr/bin/env bash
# Starts the LogMaster console that the build materialized (./mvnw -B verify builds it).
#
#   releng/console/start-console.sh [--data DIR] [--demo EVENTS_PER_SECOND] [-- Eclipse options...]
#
#   --data DIR   workspace for preferences (accepted certificates, last connection) and logs;
#                default $LOGMASTER_CONSOLE_DATA or ~/.logmaster/console
#   --demo N     feed the Live Logs view with N generated events per second (no collector
#                needed; for trying the console out and for the screenshot)
#   --connect HOST:PORT --fingerprint SHA256 --user NAME --password-file FILE
#                connect and log in at start without the dialog (for scripts; the
#                certificate must be named, the password is read from the file)
#   --offer HOST:PORT  open the Connect dialog for this collector at start (TLS; the user from
#                --user, default admin); the operator confirms the certificate and the password
#   anything else is passed to the Eclipse launcher, e.g. -consoleLog
#
# LOGMASTER_CONSOLE_HOME may point at another materialized product folder;
# LOGMASTER_CONSOLE_JAVA_OPTIONS adds JVM options (space separated).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/releng/lib/java.sh"   # exports JAVA_HOME (Java 21 or newer) or exits

PRODUCT="${LOGMASTER_CONSOLE_HOME:-$ROOT/console-rcp/org.logmaster.console.product/target/products/org.logmaster.console.product/linux/gtk/x86_64}"
DATA="${LOGMASTER_CONSOLE_DATA:-$HOME/.logmaster/console}"
JVM_OPTIONS=(-Xmx1g)
# more JVM options from the environment, e.g. -Duser.home=DIR (where Eclipse keeps secure storage)
read -r -a EXTRA_JVM_OPTIONS <<<"${LOGMASTER_CONSOLE_JAVA_OPTIONS:-}"
JVM_OPTIONS+=("${EXTRA_JVM_OPTIONS[@]}")
APP_OPTIONS=()

while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --demo) JVM_OPTIONS+=("-Dlogmaster.console.demoRate=$2"); shift 2 ;;
    --connect) JVM_OPTIONS+=("-Dlogmaster.console.connect=$2"); shift 2 ;;
    --fingerprint) JVM_OPTIONS+=("-Dlogmaster.console.fingerprint=$2"); shift 2 ;;
    --user) JVM_OPTIONS+=("-Dlogmaster.console.user=$2"); shift 2 ;;
    --password-file) JVM_OPTIONS+=("-Dlogmaster.console.passwordFile=$2"); shift 2 ;;
    --offer) JVM_OPTIONS+=("-Dlogmaster.console.offer=$2"); shift 2 ;;
    --) shift; APP_OPTIONS+=("$@"); break ;;
    *) APP_OPTIONS+=("$1"); shift ;;
  esac
done

launcher=$(ls "$PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$launcher" ]; then
  cat >&2 <<MSG
error: no materialized console in $PRODUCT
       Build it from the repository root:
         bash -c 'ROOT=\$PWD; source releng/lib/java.sh; ./mvnw -B verify -DskipTests'
MSG
  exit 1
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "error: no display (DISPLAY is not set); the console is a desktop program" >&2
  exit 1
fi

mkdir -p "$DATA"
cd "$PRODUCT"
exec "$JAVA_HOME/bin/java" "${JVM_OPTIONS[@]}" -jar "$launcher" -data "$DATA" "${APP_OPTIONS[@]}"
