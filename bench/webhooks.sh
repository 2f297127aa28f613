#!/usr/bin/env bash
# The webhooks benchmark: EVENTS article.published events (1,000 by default) written by the trigger, then
# delivered by NODES delivery jobs at once (2 by default, as two nodes would) to a receiver on loopback that
# checks each Standard Webhooks signature. Prints deliveries per second, whether every event arrived exactly
# once, and the load average before and after, as a Markdown report (the figure in docs/benchmarks.md comes from it).
#
# Usage: bench/webhooks.sh [DATA_DIR]   (default /tmp/broadsheet-bench-webhooks; a scratch embedded database)
# Environment: EVENTS (1000), NODES (2), JAVA, NO_BUILD=1 to use the existing target/*.jar
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${1:-/tmp/broadsheet-bench-webhooks}
if [ -z "${JAVA:-}" ]; then
  JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
  [ -x "$JAVA" ] || JAVA=java
fi
if [ "${NO_BUILD:-0}" != 1 ]; then (cd "$ROOT" && mvn -q -DskipTests package); fi
JAR="$ROOT/target/broadsheet-tools.jar"   # the bench commands; it loads broadsheet.jar beside it
mkdir -p "$DATA"
"$JAVA" -Xmx192m -XX:+UseSerialGC -jar "$JAR" bench-webhooks --data-dir "$DATA" \
  --events "${EVENTS:-1000}" --nodes "${NODES:-2}"
