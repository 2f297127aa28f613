#!/usr/bin/env bash
# The Following benchmark: a million-article archive with 5,000 authors and 20,000 topics, 100,000
# readers following 10 to 500 things each, then feed, follow and publish-to-visible latencies over
# HTTP, EXPLAIN (ANALYZE, BUFFERS) of the feed query, and the cost of the per-reader timeline design.
#
# Usage: bench/following.sh [DATA_DIR]   (default /tmp/broadsheet-bench-following; reused when it has data)
# Environment: ARTICLES (1000000), AUTHORS (5000), TOPICS (20000), READERS (100000), SAMPLES (400),
#   DURATION (15), THREADS (16), JAVA, NO_BUILD=1 to use the existing target/*.jar, VACUUM=1 to
#   VACUUM ANALYZE an existing database first.
# Prints a Markdown report (the figures in docs/benchmarks.md come from it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${1:-/tmp/broadsheet-bench-following}
if [ -z "${JAVA:-}" ]; then
  JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
  [ -x "$JAVA" ] || JAVA=java
fi
if [ "${NO_BUILD:-0}" != 1 ]; then (cd "$ROOT" && mvn -q -DskipTests package); fi
JAR="$ROOT/target/broadsheet-tools.jar"   # the bench commands; it loads broadsheet.jar beside it
mkdir -p "$DATA"
if [ ! -s "$DATA/bench-urls.txt" ]; then
  "$JAVA" -jar "$JAR" bench-data --data-dir "$DATA" --articles "${ARTICLES:-1000000}" --authors "${AUTHORS:-5000}" --topics "${TOPICS:-20000}" >&2
fi
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -jar "$JAR" bench-following --data-dir "$DATA" --readers "${READERS:-100000}" --samples "${SAMPLES:-400}" \
  --seconds "${DURATION:-15}" --threads "${THREADS:-16}" ${VACUUM:+--vacuum} 2>/dev/null
