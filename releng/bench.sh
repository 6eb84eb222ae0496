#!/usr/bin/env bash
# Ingest benchmark: builds the collector and the benchmark, starts a collector on loopback
# ports with a temporary data folder, sends syslog and prints sent/stored/lost, msg/s, CPU, RSS.
# Examples:
#   releng/bench.sh --transport tcp -n 3000000
#   releng/bench.sh --transport udp -n 2000000 --rate 150000 --wait-index
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source releng/lib/java.sh
source releng/lib/maven.sh
./mvnw -B -q -ntp -pl collector,releng/benchmark -am package -DskipTests
exec "$JAVA_HOME/bin/java" -jar releng/benchmark/target/logmaster-benchmark.jar "$@"
