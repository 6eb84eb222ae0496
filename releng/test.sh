#!/usr/bin/env bash
# Runs every LogMaster test: builds the whole reactor and runs the unit, integration and
# database tests. Installs what is missing on a Debian machine (JDK 21+ must exist; Maven is
# fetched by the wrapper bootstrap; util-linux `logger`, openssl, Xvfb and GTK through apt). The console's SWT tests run on a
# private Xvfb display that releng/console/with-xvfb.sh starts and stops.
# Usage: releng/test.sh [extra Maven arguments]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source releng/lib/java.sh
source releng/lib/maven.sh
source releng/lib/test-env.sh

echo "== Java: $JAVA_HOME"
exec releng/console/with-xvfb.sh ./mvnw -B -ntp verify "$@"
