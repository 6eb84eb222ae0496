#!/usr/bin/env bash
# Takes a screenshot of the running console under a private Xvfb server, with generated demo
# events in the Live Logs view and one row selected so the details pane shows.
#
#   releng/console/screenshot.sh [OUTPUT.png]     (default docs/images/console-live-logs-demo.png)
#   releng/console/screenshot.sh --views [DIR]    (default docs/images): starts a real collector
#       (collector/target/logmaster-collector.jar) on free loopback ports, sends messages with
#       util-linux logger, starts the console as releng/run.sh does (Connect dialog offered,
#       password typed, certificate accepted), and takes console-connect.png,
#       console-trust-certificate.png, console-live-logs.png, console-search.png,
#       console-register-device.png, console-devices.png, console-compliance.png and
#       console-export-{case,scope,result}.png, driving the console with its key bindings
#       (Alt+Shift+Q S / D / C, Ctrl+Alt+E) and mnemonics like a user.
#   ./mvnw -B -Pscreenshots -pl collector,console-rcp/org.logmaster.console.product -am verify -DskipTests
#       runs both from the build, into docs/images.
#
# Needs the materialized product (./mvnw -B verify) and the Debian packages xvfb, libgtk-3-0,
# imagemagick and xdotool; run as root it installs the missing ones.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODE=live
if [ "${1:-}" = "--views" ]; then MODE=views; shift; fi
if [ "$MODE" = views ]; then OUT="${1:-$ROOT/docs/images}"; else OUT="${1:-$ROOT/docs/images/console-live-logs-demo.png}"; fi
DEMO_RATE="${DEMO_RATE:-300}"
SETTLE_SECONDS="${SETTLE_SECONDS:-6}"

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v import >/dev/null || missing+=(imagemagick)
command -v xdotool >/dev/null || missing+=(xdotool)
ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: install the Debian packages: ${missing[*]}" >&2
    exit 1
  fi
  echo "installing Debian packages: ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# a display number nobody uses
for n in $(seq 90 119); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { DISPLAY_NUMBER=$n; break; }
done
: "${DISPLAY_NUMBER:?no free X display number between 90 and 119}"
export DISPLAY=":$DISPLAY_NUMBER"

WORK=$(mktemp -d)
XVFB_PID=""
CONSOLE_PID=""
COLLECTOR_PID=""
cleanup() {
  set +e   # stop everything even if one step fails (a killed process's wait status is non-zero)
  if [ -n "$CONSOLE_PID" ]; then kill "$CONSOLE_PID" 2>/dev/null; wait "$CONSOLE_PID" 2>/dev/null; fi
  if [ -n "$COLLECTOR_PID" ]; then kill "$COLLECTOR_PID" 2>/dev/null; wait "$COLLECTOR_PID" 2>/dev/null; fi
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

if [ "$MODE" = views ]; then
  source "$ROOT/releng/console/screenshot-views.sh"   # defines take_view_screenshots
  take_view_screenshots
  exit 0
fi

"$ROOT/releng/console/start-console.sh" --data "$WORK/data" --demo "$DEMO_RATE" >"$WORK/console.log" 2>&1 &
CONSOLE_PID=$!

window=$(timeout 120 xdotool search --sync --onlyvisible --name "LogMaster Console" | head -n 1) || {
  echo "error: the console window did not appear; its output:" >&2
  cat "$WORK/console.log" >&2
  exit 1
}
sleep "$SETTLE_SECONDS"
# click a row in the upper part of the table so that the details pane has content
eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool mousemove --window "$window" 420 150 click 1
sleep 1

mkdir -p "$(dirname "$OUT")"
import -window "$window" "$OUT"
echo "screenshot: $OUT ($(identify -format '%wx%h' "$OUT"))"
