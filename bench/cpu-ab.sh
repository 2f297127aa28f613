#!/usr/bin/env bash
# Server CPU per page of two builds side by side, for a loaded machine where requests/s mean little: both
# servers run at once (page cache off, README's serve options), each on its own copy of a data dir, and
# take turns under the same short wrk load, ROUNDS times; the JVM's CPU time (from /proc) over each turn is
# divided by the requests wrk counted. Prints each turn and the medians.
#
# Usage: bench/cpu-ab.sh OLD_DIR NEW_DIR DATA_DIR PATH [wrk args, e.g. -H "Cookie: bs_session=..."]
#   OLD_DIR and NEW_DIR each hold a broadsheet.jar; DATA_DIR is copied (stop any server using it first).
# Environment: ROUNDS (7), DURATION seconds a turn (5), WARM seconds of load on each server first (30),
#   CONNS (4), PORT (18590; NEW uses PORT+1), JAVA.
set -euo pipefail
OLD=$(cd "$1" && pwd); NEW=$(cd "$2" && pwd); DATA=$3; URL_PATH=$4; shift 4
ROUNDS=${ROUNDS:-7}; D=${DURATION:-5}; WARM=${WARM:-30}; CONNS=${CONNS:-4}; PORT=${PORT:-18590}
if [ -z "${JAVA:-}" ]; then JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1); fi
W=$(mktemp -d /tmp/broadsheet-cpu-ab.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$W"' EXIT
cp -a "$DATA" "$W/old"; cp -a "$DATA" "$W/new"
rm -f "$W"/old/postgres/postmaster.pid "$W"/new/postgres/postmaster.pid
"$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -jar "$OLD/broadsheet.jar" serve --no-page-cache \
  --data-dir "$W/old" --port "$PORT" > "$W/old.log" 2>&1 & PIDS+=($!)
"$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -jar "$NEW/broadsheet.jar" serve --no-page-cache \
  --data-dir "$W/new" --port $((PORT + 1)) > "$W/new.log" 2>&1 & PIDS+=($!)
for p in "$PORT" $((PORT + 1)); do until curl -sf -o /dev/null "http://127.0.0.1:$p/"; do sleep 0.5; done; done
ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
for p in "$PORT" $((PORT + 1)); do wrk -t1 -c"$CONNS" -d"${WARM}s" "$@" "http://127.0.0.1:$p$URL_PATH" > /dev/null; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ); $URL_PATH, wrk -t1 -c$CONNS ${D}s turns"
: > "$W/old.ms"; : > "$W/new.ms"
for r in $(seq 1 "$ROUNDS"); do
  line="round $r:"
  for b in old new; do
    pid=${PIDS[0]}; port=$PORT
    [ $b = new ] && { pid=${PIDS[1]}; port=$((PORT + 1)); }
    t0=$(ticks "$pid")
    n=$(wrk -t1 -c"$CONNS" -d"${D}s" "$@" "http://127.0.0.1:$port$URL_PATH" | awk '/requests in/ {print $1}')
    t1=$(ticks "$pid")
    ms=$(awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN { printf "%.3f", (b - a) * 10 / n }')
    echo "$ms" >> "$W/$b.ms"
    line="$line $b $ms ms ($n pages)"
  done
  echo "$line"
done
median() { sort -g "$1" | awk '{v[NR] = $1} END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mo=$(median "$W/old.ms"); mn=$(median "$W/new.ms")
echo "median JVM CPU a page: old $mo ms, new $mn ms (new/old $(awk -v a="$mo" -v b="$mn" 'BEGIN { printf "%.2f", b / a }'))"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
