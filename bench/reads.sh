#!/usr/bin/env bash
# Read beacons under load: how many beacons a node takes while its cached article page is being
# fetched as fast as it can be, and how much of the page's throughput that costs, against the page
# alone in the same run. Also the beacon rate alone. Serves the demo paper (serve --demo) from a
# temporary data dir; prints medians of ROUNDS rounds and checks every counted read reached the table.
#
# Usage: bench/reads.sh [--no-build]
# Environment: PORT (8190), ROUNDS (3), DURATION seconds per measurement (10), WARM seconds (20),
#   PAGE_CONNS (32), BEACON_CONNS (100) and BEACON_DELAY ms between one connection's beacons (10; with 100
#   connections 5,000-9,000 beacons/s, depending on latency), JAVA, JAVA_OPTS.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8190}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARM=${WARM:-20}
PAGE_CONNS=${PAGE_CONNS:-32}
BEACON_CONNS=${BEACON_CONNS:-100}
BEACON_DELAY=${BEACON_DELAY:-10}
JAVA_OPTS=${JAVA_OPTS:-}
BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0

log() { printf '[reads %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
if [ -z "${JAVA:-}" ]; then
  JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
  [ -x "$JAVA" ] || JAVA=java
fi
if [ $BUILD = 1 ]; then
  log "building target/broadsheet.jar"
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests package)
fi

WORK=$(mktemp -d /tmp/broadsheet-reads.XXXXXX)
cp "$ROOT/target/broadsheet.jar" "$ROOT/target/broadsheet-tools.jar" "$WORK/" # serve --demo is in the tools jar
PID=""
cleanup() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

log "serving the demo paper on port $PORT from $WORK/data"
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$WORK/broadsheet-tools.jar" serve --demo --data-dir "$WORK/data" --port "$PORT" > "$WORK/serve.log" 2>&1 &
PID=$!
B="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do curl -sf -o /dev/null "$B/healthz" && break; sleep 0.5; done
curl -sf -o /dev/null "$B/healthz" || { tail -20 "$WORK/serve.log" >&2; exit 1; }

# the first article on the home page, and the ids of every article the home page links
ARTICLE=$(curl -sf "$B/" | grep -o 'href="/[0-9]\{4\}/[0-9][0-9]/[0-9][0-9]/[^"]*"' | head -1 | cut -d'"' -f2)
IDS=""
for path in $(curl -sf "$B/" | grep -o 'href="/[0-9]\{4\}/[0-9][0-9]/[0-9][0-9]/[^"/]*"' | cut -d'"' -f2 | sort -u); do
  IDS="$IDS $(curl -sf "$B$path" | grep -o 'data-read="[0-9]*"' | head -1 | grep -o '[0-9]*')"
done
log "article page $ARTICLE; beacons for $(echo $IDS | wc -w) articles"
PG_PORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
stored() { psql -h localhost -p "$PG_PORT" -U postgres -d postgres -tAc "select coalesce(sum(reads), 0) from article_reads"; }

# CPU (in clock ticks) used so far by the server and its PostgreSQL: per request, a cost that does not
# depend on how busy the rest of the machine is
PG_PID=$(sed -n 1p "$WORK/data/postgres/postmaster.pid")
cpu() { for p in "$PID" "$PG_PID" $(ps -o pid= --ppid "$PG_PID"); do [ -r "/proc/$p/stat" ] && sed 's/^.*) //' "/proc/$p/stat"; done | awk '{t += $12 + $13} END {print t}'; }
per_request_us() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f\n", t * 1000000 / hz / n }'; }
rps() { awk '/^Requests\/sec:/ {printf "%.0f\n", $2}' "$1"; }
total() { awk '/requests in/ {print $1}' "$1"; }
bad() { awk '/Non-2xx or 3xx responses:/ {n = $NF} /Socket errors:/ {split($0, a, /[ ,]+/); n += a[5] + a[7] + a[9] + a[11]} END {print n + 0}' "$1"; }
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2))}'; }

log "warming up for ${WARM}s (page and beacons together)"
wrk -t1 -c"$PAGE_CONNS" -d"${WARM}s" "$B$ARTICLE" > /dev/null &
W=$!
wrk -t1 -c"$BEACON_CONNS" -d"${WARM}s" "$B" -s "$ROOT/bench/read-beacons.lua" -- "$IDS" "$BEACON_DELAY" > /dev/null
wait "$W"   # (a bare wait would wait for the server too)
sleep 6   # the last warm-up beacons flushed
BEFORE=$(stored)
SENT=0
: > "$WORK/alone"; : > "$WORK/with"; : > "$WORK/beacons"; : > "$WORK/max"; : > "$WORK/loss"; : > "$WORK/page_us"; : > "$WORK/beacon_us"
# Each round measures the page alone before and after the run with beacons and compares with their mean,
# so a machine getting busier or quieter during a round (others share it) does not read as a loss or gain.
for r in $(seq 1 "$ROUNDS"); do
  c0=$(cpu)
  wrk -t1 -c"$PAGE_CONNS" -d"${DURATION}s" "$B$ARTICLE" > "$WORK/a1.txt"
  per_request_us $(( $(cpu) - c0 )) "$(total "$WORK/a1.txt")" >> "$WORK/page_us"
  wrk -t1 -c"$PAGE_CONNS" -d"${DURATION}s" "$B$ARTICLE" > "$WORK/p.txt" &
  W=$!
  wrk -t1 -c"$BEACON_CONNS" -d"${DURATION}s" "$B" -s "$ROOT/bench/read-beacons.lua" -- "$IDS" "$BEACON_DELAY" > "$WORK/b.txt"
  wait "$W"
  wrk -t1 -c"$PAGE_CONNS" -d"${DURATION}s" "$B$ARTICLE" > "$WORK/a2.txt"
  c0=$(cpu)
  wrk -t1 -c"$BEACON_CONNS" -d"${DURATION}s" "$B" -s "$ROOT/bench/read-beacons.lua" -- "$IDS" 0 > "$WORK/m.txt"
  per_request_us $(( $(cpu) - c0 )) "$(total "$WORK/m.txt")" >> "$WORK/beacon_us"
  for f in a1 p b a2 m; do [ "$(bad "$WORK/$f.txt")" = 0 ] || { echo "bench/reads.sh: errors in a run:" >&2; cat "$WORK/$f.txt" >&2; exit 1; }; done
  alone=$(( ($(rps "$WORK/a1.txt") + $(rps "$WORK/a2.txt")) / 2 ))
  echo "$alone" >> "$WORK/alone"; rps "$WORK/p.txt" >> "$WORK/with"
  rps "$WORK/b.txt" >> "$WORK/beacons"; rps "$WORK/m.txt" >> "$WORK/max"
  awk -v a="$alone" -v w="$(rps "$WORK/p.txt")" 'BEGIN { printf "%.1f\n", 100 * (a - w) / a }' >> "$WORK/loss"
  SENT=$((SENT + $(total "$WORK/b.txt") + $(total "$WORK/m.txt")))
  log "round $r: page alone $(rps "$WORK/a1.txt")/s and $(rps "$WORK/a2.txt")/s; with $(rps "$WORK/b.txt") beacons/s $(rps "$WORK/p.txt")/s; beacons alone $(rps "$WORK/m.txt")/s"
done
sleep 6
COUNTED=$(( $(stored) - BEFORE ))

ALONE=$(median < "$WORK/alone"); WITH=$(median < "$WORK/with")
BEACONS=$(median < "$WORK/beacons"); MAX=$(median < "$WORK/max")
LOSS=$(sort -n "$WORK/loss" | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}')
echo "Medians of $ROUNDS rounds of ${DURATION} s on $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| measurement | value |"
echo "|---|---:|"
echo "| cached article page alone ($PAGE_CONNS connections) | $ALONE req/s |"
echo "| the same page while beacons arrive | $WITH req/s |"
echo "| beacons meanwhile ($BEACON_CONNS connections, ${BEACON_DELAY} ms apart) | $BEACONS /s |"
echo "| page throughput lost (median of the rounds' losses; each: $(tr '\n' ' ' < "$WORK/loss")) | $LOSS % |"
echo "| beacons alone, as fast as they come ($BEACON_CONNS connections) | $MAX /s |"
echo "| server CPU per cached page request (with its PostgreSQL) | $(median < "$WORK/page_us") µs |"
echo "| server CPU per beacon (with its PostgreSQL: the flushes) | $(median < "$WORK/beacon_us") µs |"
echo "| beacons sent during the rounds / reads in the table | $SENT / $COUNTED |"
