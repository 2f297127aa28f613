#!/usr/bin/env bash
# The search benchmark: a generated archive (bench-data, 1,000,000 articles by default), then bench-search:
# a full reindex (time, documents/s, size on disk, heap), each kind of query at 16 connections over HTTP
# and straight to the engine, publish-to-searchable, Related uncached, and PostgreSQL full-text search on
# the same queries in the same run.
#
# Usage: bench/search.sh [DATA_DIR]   (default /tmp/broadsheet-bench-search; reused when it has data)
# Environment: ARTICLES (1000000), DURATION (10 seconds per row), SAMPLES (100), THREADS (16), JAVA,
#   NO_BUILD=1 to use the existing target/*.jar, KEEP_INDEX=1 to measure on the index there is,
#   NO_POSTGRES=1 to skip the PostgreSQL comparison (it builds a GIN index over every article),
#   CLIENT=wrk to ask the HTTP rows from wrk in its own process (apt-get install -y wrk) instead of the
#   benchmark's own JVM, whose client CPU the server's shares (CLIENT=jvm, the default).
# Prints a Markdown report (the figures in docs/benchmarks.md and docs/search.md come from it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${1:-/tmp/broadsheet-bench-search}
if [ -z "${JAVA:-}" ]; then
  JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
  [ -x "$JAVA" ] || JAVA=java
fi
if [ "${NO_BUILD:-0}" != 1 ]; then (cd "$ROOT" && mvn -q -DskipTests package); fi
JAR="$ROOT/target/broadsheet-tools.jar"   # the bench commands; it loads broadsheet.jar beside it
mkdir -p "$DATA"
if [ ! -s "$DATA/bench-urls.txt" ]; then
  "$JAVA" -jar "$JAR" bench-data --data-dir "$DATA" --articles "${ARTICLES:-1000000}" >&2
fi
"$JAVA" -jar "$JAR" bench-search --data-dir "$DATA" --seconds "${DURATION:-10}" --samples "${SAMPLES:-100}" \
  --threads "${THREADS:-16}" --client "${CLIENT:-jvm}" ${KEEP_INDEX:+--keep-index} ${NO_POSTGRES:+--no-postgres}
