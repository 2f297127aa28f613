#!/usr/bin/env bash
# The Content API benchmark: a generated archive (bench-data, 1,000,000 articles by default), then bench-api:
# the article list and one article at 16 connections over HTTP, cached and uncached (p50/p99/max).
#
# Usage: bench/api.sh [DATA_DIR]   (default /tmp/broadsheet-bench-api; reused when it has data)
# Environment: ARTICLES (1000000), DURATION (10 seconds per row), THREADS (16), JAVA, NO_BUILD=1 to use the
#   existing target/*.jar, CLIENT (jvm: the requests from the benchmark's own JVM, beside the server; wrk: from
#   wrk in its own process, installed with apt-get install wrk), DB_POOL (the server's pool, as for serve).
# Prints a Markdown report (the figures in docs/benchmarks.md come from it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${1:-/tmp/broadsheet-bench-api}
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
"$JAVA" -jar "$JAR" bench-api --data-dir "$DATA" --seconds "${DURATION:-10}" --threads "${THREADS:-16}" \
  --client "${CLIENT:-jvm}"
