#!/usr/bin/env bash
# Runs a command with DISPLAY pointing at a private Xvfb server that it starts and stops, for
# the console's SWT tests in the build (and CI):
#
#   releng/console/with-xvfb.sh ./mvnw -B verify
#
# Needs the Debian packages xvfb and libgtk-3-0.
set -euo pipefail

command -v Xvfb >/dev/null || { echo "error: Xvfb is missing (Debian package xvfb)" >&2; exit 1; }
for n in $(seq 90 119); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { DISPLAY_NUMBER=$n; break; }
done
: "${DISPLAY_NUMBER:?no free X display number between 90 and 119}"

Xvfb ":$DISPLAY_NUMBER" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'set +e; kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break; sleep 0.1; done

DISPLAY=":$DISPLAY_NUMBER" "$@"
