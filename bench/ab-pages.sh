#!/usr/bin/env bash
# A/B of two builds on the demo paper, one after the other: rendered (page cache off) RSS, the lead article and
# home at 16 connections, then the cached lead article at 16 and 64, in ROUNDS alternating rounds, each server
# freshly started with README's serve options. Quicker than bench/pages.sh when one change is in question.
#
# Usage: bench/ab-pages.sh OLD_DIR NEW_DIR   (each holding a broadsheet.jar and broadsheet-tools.jar)
# Environment: ROUNDS (2), DURATION seconds per row (10), WARM seconds of mixed pages first (20), PORT (18590), JAVA.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OLD=$(cd "$1" && pwd); NEW=$(cd "$2" && pwd)
ROUNDS=${ROUNDS:-2}; PORT=${PORT:-18590}; D=${DURATION:-10}; WARM=${WARM:-20}
if [ -z "${JAVA:-}" ]; then JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1); fi
W=$(mktemp -d /tmp/broadsheet-ab.XXXXXX)
S=""
trap '[ -n "$S" ] && kill $S 2>/dev/null; wait 2>/dev/null; rm -rf "$W"' EXIT
"$JAVA" -jar "$OLD/broadsheet-tools.jar" serve --demo --data-dir "$W/demo" --port "$PORT" > "$W/demo.log" 2>&1 & S=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.5; done
LEAD=$(curl -sf "http://127.0.0.1:$PORT/" | grep -o '/[0-9]*/[0-9]*/[0-9]*/harbour-bill-passes-second-reading' | head -1)
kill $S; wait $S 2>/dev/null || true; S=""
printf '%s\n' "$LEAD" / /sections/politics /topics/harbour-bill /feed.rss > "$W/urls"
start() { # jar dir, extra serve args
  "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -jar "$1/broadsheet.jar" serve \
    --data-dir "$W/demo" --port "$PORT" "${@:2}" > "$W/serve.log" 2>&1 & S=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.1; done
}
stop() { kill $S; wait $S 2>/dev/null || true; S=""; }
row() { # label url conns
  wrk -t2 -c"$3" -d"${D}s" --latency "$2" > "$W/wrk.txt"
  printf '| %s | %s | %s | %s |\n' "$1" "$3" "$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$W/wrk.txt")" \
    "$(awk '/^ +99%/ {print $2}' "$W/wrk.txt")"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "| build and row | connections | requests/s | p99 |"
echo "|---|---:|---:|---:|"
for r in $(seq 1 "$ROUNDS"); do for b in old new; do
  dir=$OLD; [ $b = new ] && dir=$NEW
  start "$dir" --no-page-cache
  wrk -t2 -c16 -d"${WARM}s" "http://127.0.0.1:$PORT" -s "$ROOT/bench/random-urls.lua" -- "$W/urls" > /dev/null
  for u in /feed.rss "$LEAD" /; do row "$b, rendered $u" "http://127.0.0.1:$PORT$u" 16; done
  stop
  start "$dir"
  wrk -t2 -c16 -d5s "http://127.0.0.1:$PORT$LEAD" > /dev/null
  for c in 16 64; do row "$b, cached article" "http://127.0.0.1:$PORT$LEAD" "$c"; done
  stop
done; done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
