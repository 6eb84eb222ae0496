#!/usr/bin/env bash
# Runs one of the collector's stage benchmarks: programs with a main() in the collector's test
# sources that print figures (they assert nothing, so they are not part of the test command).
#   releng/microbench.sh parse.ParseBenchmark [seconds]            parsers, messages/s per core
#   releng/microbench.sh parse.dialect.DialectBenchmark            every vendor dialect, messages/s per core
#   releng/microbench.sh ingest.IngestBenchmark [messages]         listeners into a counting sink
#   releng/microbench.sh index.StoreBenchmark [frames] [devices] [h2,pg|h2|pg]   durable writer + indexing
#   releng/microbench.sh seal.SealBenchmark [megabytes]            sealing and verifying one large day
#   releng/microbench.sh alert.RuleBenchmark [seconds]             50 alert rules, events/s per core
# The class name is relative to org.logmaster.collector. releng/bench.sh measures the whole collector.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source releng/lib/java.sh
source releng/lib/maven.sh
[ $# -ge 1 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
class="org.logmaster.collector.$1"; shift
classpath_file=collector/target/microbench.classpath
./mvnw -B -q -ntp -pl collector -am test-compile
./mvnw -B -q -ntp -pl collector dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$ROOT/$classpath_file"
exec "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow \
  -cp "collector/target/test-classes:collector/target/classes:$(cat "$classpath_file")" "$class" "$@"
