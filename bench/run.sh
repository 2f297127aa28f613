#!/usr/bin/env bash
# The Broadsheet benchmark: generates a large archive, serves it twice (page cache on and off),
# loads it with wrk beside an nginx static-file reference, and writes docs/benchmarks.md.
#
# Usage: bench/run.sh [--data-dir DIR] [--keep] [--no-build] [--out FILE]
#   --data-dir DIR  use DIR for the data (an archive already there, with DIR/bench-urls.txt, is reused)
#   --keep          keep the generated temporary data dir (printed at the end) for a quicker re-run
#   --no-build      use the existing target/broadsheet.jar and target/broadsheet-tools.jar
#   --out FILE      where to write the report (default docs/benchmarks.md)
# Environment: ARTICLES (100000), DURATION seconds per measurement (15), WARMUP seconds (5),
#   WARM_JIT seconds of mixed load per server before measuring (30), QUIET_WAIT (300), THREADS wrk threads (2),
#   PORT (8090), NOCACHE_PORT (8091), NGINX_PORT (8099), JAVA, JAVA_OPTS.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ARTICLES=${ARTICLES:-100000}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
WARM_JIT=${WARM_JIT:-30}
THREADS=${THREADS:-2}
PORT=${PORT:-8090}
NOCACHE_PORT=${NOCACHE_PORT:-8091}
NGINX_PORT=${NGINX_PORT:-8099}
JAVA_OPTS=${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}   # what README gives serve
OUT="$ROOT/docs/benchmarks.md"
DATA=""
KEEP=0
BUILD=1

while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) DATA=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- what we need ----
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v curl >/dev/null || need_apt+=(curl)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  apt-get install -y "${need_apt[@]}" >/dev/null || {
    # nginx-light is gone in newer Debian releases; plain nginx will do
    apt-get install -y "${need_apt[@]/nginx-light/nginx}" >/dev/null
  }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [ -z "${JAVA:-}" ]; then
  JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
  [ -x "$JAVA" ] || JAVA=java
fi

if [ $BUILD = 1 ]; then
  log "building target/broadsheet.jar and target/broadsheet-tools.jar"
  (cd "$ROOT" && mvn -q -DskipTests package)
fi
JAR="$ROOT/target/broadsheet.jar"
TOOLS="$ROOT/target/broadsheet-tools.jar"   # bench-data; it loads broadsheet.jar from its own folder
for f in "$JAR" "$TOOLS"; do
  [ -f "$f" ] || { echo "bench/run.sh: $f is missing (run without --no-build)" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/broadsheet-bench.XXXXXX)
chmod 755 "$WORK"   # nginx's workers run as nobody and read the saved page from here
# The servers run from a copy, so a rebuild of target/ during the run cannot pull classes from under them.
cp "$JAR" "$WORK/broadsheet.jar"
cp "$TOOLS" "$WORK/broadsheet-tools.jar"
JAR="$WORK/broadsheet.jar"
TOOLS="$WORK/broadsheet-tools.jar"
OWN_DATA=0
if [ -z "$DATA" ]; then DATA="$WORK/data"; OWN_DATA=1; fi
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)

PIDS=()
NGINX_PID=""
cleanup() {
  local status=$?
  set +e
  if [ -n "$NGINX_PID" ]; then kill -QUIT "$NGINX_PID" 2>/dev/null; fi
  # the cache-off server uses the first server's PostgreSQL, so it stops first
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[$i]}
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  done
  [ -n "$NGINX_PID" ] && wait "$NGINX_PID" 2>/dev/null
  if [ $KEEP = 1 ] || [ $OWN_DATA = 0 ]; then
    log "data kept in $DATA (re-run with --data-dir $DATA); logs in $WORK"
  elif [ "$status" != 0 ]; then
    log "failed; logs and data kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the archive ----
GEN_NOTE=""
if [ -s "$DATA/bench-urls.txt" ]; then
  log "reusing the archive in $DATA"
  GEN_NOTE="reused an archive generated earlier"
else
  log "generating $ARTICLES articles in $DATA"
  "$JAVA" -jar "$TOOLS" bench-data --data-dir "$DATA" --articles "$ARTICLES" | tee "$WORK/bench-data.out"
  GEN_NOTE=$(grep -o 'in [0-9.]* s' "$WORK/bench-data.out" | tail -1 | sed 's/^in /generated and loaded in /')
fi
ARTICLE_COUNT=$(wc -l < "$DATA/bench-urls.txt")

# ---- the servers ----
wait_up() { # port seconds
  for _ in $(seq 1 $(($2 * 2))); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/healthz" && return 0
    sleep 0.5
  done
  echo "bench/run.sh: nothing answered on port $1 within $2 s" >&2
  return 1
}

log "starting the server with the page cache on port $PORT"
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$JAR" serve --data-dir "$DATA" --port "$PORT" > "$WORK/serve-cache.log" 2>&1 &
PIDS+=($!)
wait_up "$PORT" 120 || { tail -20 "$WORK/serve-cache.log" >&2; exit 1; }

# Two embedded PostgreSQL servers cannot share one data dir, so the cache-off server talks to
# the first server's embedded PostgreSQL (its port is line 4 of postmaster.pid).
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
PG_PID=$(sed -n 1p "$DATA/postgres/postmaster.pid")
log "starting the server without the page cache on port $NOCACHE_PORT (PostgreSQL on port $PG_PORT)"
# shellcheck disable=SC2086
KEEP_MAIL_LOCALLY=on "$JAVA" $JAVA_OPTS -jar "$JAR" serve --data-dir "$DATA" --database-url "postgres://postgres@localhost:$PG_PORT/postgres" \
  --port "$NOCACHE_PORT" --no-page-cache > "$WORK/serve-nocache.log" 2>&1 &
PIDS+=($!)
wait_up "$NOCACHE_PORT" 120 || { tail -20 "$WORK/serve-nocache.log" >&2; exit 1; }

ARTICLE=$(sed -n "$(( (ARTICLE_COUNT + 1) / 2 ))p" "$DATA/bench-urls.txt")
TOPIC=$(head -1 "$DATA/bench-topics.txt" | cut -d' ' -f1)
TOPIC_SIZE=$(head -1 "$DATA/bench-topics.txt" | cut -d' ' -f2)

# A fresh JVM needs tens of seconds of load before its compiled code settles (measured: ~1 ms of
# CPU per uncached article page at first, ~0.4 ms after 30-40 s), far more than a scenario's own
# warm-up. So each server first gets WARM_JIT seconds of every kind of page, mostly articles.
{
  cat "$DATA/bench-urls.txt"
  for _ in $(seq 1 $((ARTICLE_COUNT / 10 + 1))); do printf '/\n%s\n/feed.rss\n' "$TOPIC"; done
} > "$WORK/warm-urls.txt"
for port in "$PORT" "$NOCACHE_PORT"; do
  log "warming up the server on port $port for ${WARM_JIT}s"
  wrk -t"$THREADS" -c16 -d"${WARM_JIT}s" "http://127.0.0.1:$port" -s "$ROOT/bench/random-urls.lua" -- "$WORK/warm-urls.txt" > /dev/null
done

# ---- the nginx reference: one saved article page as a static file ----
mkdir -p "$WORK/www" "$WORK/nginx"
curl -sf "http://127.0.0.1:$PORT$ARTICLE" -o "$WORK/www/article.html"
chmod 644 "$WORK/www/article.html"
chmod 755 "$WORK/www"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type text/html;
    access_log off;
    sendfile on;
    tcp_nopush off;   # Debian's default 'on' stalls some keep-alive responses by ~40 ms
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location / { try_files \$uri =404; }
    }
}
EOF
"$NGINX" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 1 20); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/article.html" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/article.html" || { echo "bench/run.sh: nginx did not start" >&2; cat "$WORK/nginx/error.log" >&2; exit 1; }

# ---- measuring ----
to_ms() { # "1.23ms" / "850.00us" / "1.02s" / "1.5m" -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n }'
}

# The machine may be shared: CPU that processes other than ours (servers, their PostgreSQL,
# nginx, wrk) use during a measurement is recorded beside it, and each measurement first waits
# (up to QUIET_WAIT seconds) for such other load to settle.
QUIET_WAIT=${QUIET_WAIT:-300}
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
our_pids() {
  echo "${PIDS[@]}" "$PG_PID" $(ps -o pid= --ppid "$PG_PID")
  if [ -n "$NGINX_PID" ]; then echo "$NGINX_PID" $(ps -o pid= --ppid "$NGINX_PID"); fi
}
declare -A T0
snapshot() { # remembers our processes' CPU ticks and the machine's busy ticks
  T0=()
  local p
  for p in $(our_pids); do
    [ -r "/proc/$p/stat" ] && T0[$p]=$(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')
  done
  BUSY0=$(busy_ticks)
}
others_since_snapshot() { # seconds of CPU used by other processes since the snapshot, less $1 (wrk's)
  local ours=0 p t
  for p in $(our_pids); do
    [ -r "/proc/$p/stat" ] || continue
    t=$(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')
    ours=$((ours + t - ${T0[$p]:-0}))
  done
  awk -v b=$(( $(busy_ticks) - BUSY0 )) -v o="$ours" -v w="${1:-0}" 'BEGIN { x = (b - o) / 100 - w; printf "%.2f", (x < 0 ? 0 : x) }'
}
wait_quiet() {
  local waited=0 other
  while :; do
    snapshot; sleep 2
    other=$(others_since_snapshot)
    awk -v o="$other" 'BEGIN { exit !(o / 2 < 0.15) }' && return 0
    if [ $waited -ge "$QUIET_WAIT" ]; then log "other processes still busy ($other CPU-s in 2 s); measuring anyway"; return 0; fi
    [ $waited = 0 ] && log "other processes are using the CPU ($other CPU-s in 2 s); waiting up to ${QUIET_WAIT}s"
    sleep 8; waited=$((waited + 10))
  done
}

ROWS=()
NGINX_RPS=0
ARTICLE_RPS=0
DISTURBED=0
# scenario name, connections, url, target kind (nginx|cached|rendered|none), extra wrk args...
measure() {
  local name=$1 conns=$2 url=$3 target=$4
  shift 4
  local file
  file="$WORK/wrk-$(printf '%s' "$name" | tr -c 'a-zA-Z0-9' '-').txt"
  wait_quiet
  local pid
  for pid in "${PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bench/run.sh: a server (pid $pid) has exited; see $WORK/serve-*.log" >&2
      tail -5 "$WORK"/serve-*.log >&2
      exit 1
    fi
  done
  log "$name: warm-up ${WARMUP}s, then ${DURATION}s at $conns connections"
  # extra arguments (a script and its arguments after --) go after the URL
  wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" "$url" "$@" > /dev/null
  snapshot
  local TIMEFORMAT='%U %S' wrk_cpu other
  { time wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --latency "$url" "$@" > "$file"; } 2> "$file.time"
  wrk_cpu=$(awk '{print $1 + $2}' "$file.time")
  other=$(others_since_snapshot "$wrk_cpu")
  other=$(awk -v o="$other" -v d="$DURATION" 'BEGIN { printf "%.2f", o / d }')
  local rps p50 p99 errors bad
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")
  p50=$(to_ms "$(awk '/^ +50%/ {print $2}' "$file")")
  p99=$(to_ms "$(awk '/^ +99%/ {print $2}' "$file")")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file"); bad=${bad:-0}
  errors=$(awk -F'[ ,]+' '/Socket errors:/ {print $4 + $6 + $8 + $10}' "$file"); errors=${errors:-0}
  local want met
  case $target in
    nginx) NGINX_RPS=$rps; want="reference"; met="—" ;;
    cached)
      ARTICLE_RPS=$rps
      local half=$((NGINX_RPS / 2))
      want="≥ $half req/s (½ nginx), p99 < 10 ms"
      met=$(awk -v r="$rps" -v h="$half" -v p="$p99" 'BEGIN { print (r >= h && p < 10) ? "yes" : "no" }') ;;
    rendered)
      want="≥ 2000 req/s, p99 < 10 ms"
      met=$(awk -v r="$rps" -v p="$p99" 'BEGIN { print (r >= 2000 && p < 10) ? "yes" : "no" }') ;;
    *) want="none set"; met="—" ;;
  esac
  if [ "$bad" != 0 ] || [ "$errors" != 0 ]; then
    if [ "$target" = cached ] || [ "$target" = rendered ]; then
      met="no — ${bad} non-2xx, ${errors} socket errors"
    else
      met="$met (${bad} non-2xx, ${errors} socket errors)"
    fi
  fi
  if awk -v o="$other" 'BEGIN { exit !(o >= 0.15) }'; then met="$met (disturbed)"; DISTURBED=1; fi
  ROWS+=("| $name | $conns | $rps | $p50 ms | $p99 ms | $want | $met | $other |")
  log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms (other processes: $other cores)"
}

C="http://127.0.0.1:$PORT"
N="http://127.0.0.1:$NOCACHE_PORT"
LUA="$ROOT/bench/random-urls.lua"
measure "nginx, the saved article page as a static file" 64 "http://127.0.0.1:$NGINX_PORT/article.html" nginx
measure "article page, cached" 64 "$C$ARTICLE" cached
measure "home page, cached" 64 "$C/" none
measure "topic page (largest topic), cached" 64 "$C$TOPIC" none
measure "RSS feed (site), cached" 64 "$C/feed.rss" none
measure "article page, cache off" 16 "$N$ARTICLE" rendered
measure "article pages spread over all $ARTICLE_COUNT, cache off" 16 "$N" rendered -s "$LUA" -- "$DATA/bench-urls.txt"
measure "article pages spread over all $ARTICLE_COUNT, cache on (mostly misses)" 16 "$C" rendered -s "$LUA" -- "$DATA/bench-urls.txt"
measure "home page, cache off" 16 "$N/" rendered
measure "topic page (largest topic), cache off" 16 "$N$TOPIC" rendered
measure "RSS feed (site), cache off" 16 "$N/feed.rss" rendered

# ---- the report ----
RATIO=$(awk -v a="$ARTICLE_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')
PG_VERSION=$("$(readlink -f "/proc/$PG_PID/exe")" --version 2>/dev/null | sed 's/^postgres (PostgreSQL) //' || true)
PG_VERSION=${PG_VERSION:-unknown}
JDK_VERSION=$("$JAVA" -version 2>&1 | head -1)
CPU=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
MEM=$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1024 / 1024}' /proc/meminfo)
DB_SIZE=$(du -sh "$DATA/postgres" | cut -f1)
PAGE_BYTES=$(stat -c %s "$WORK/www/article.html")
HOME_BYTES=$(curl -s -o /dev/null -w '%{size_download}' "$C/")
TOPIC_BYTES=$(curl -s -o /dev/null -w '%{size_download}' "$C$TOPIC")
RSS_BYTES=$(curl -s -o /dev/null -w '%{size_download}' "$C/feed.rss")

SECTION="$WORK/section.md"
{
  echo "<!-- generated by bench/run.sh: everything between these markers is replaced on each run -->"
  echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) cores ($CPU), $MEM memory, $(uname -sr)"
  echo "- JDK: $JDK_VERSION; PostgreSQL: $PG_VERSION (embedded); $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- Data: $ARTICLE_COUNT published articles ($GEN_NOTE), 6 sections, 500 authors, 2,000 topics, 50 photos; database $DB_SIZE on disk"
  echo "- Pages (uncompressed, as wrk asks without Accept-Encoding): article $PAGE_BYTES B, home $HOME_BYTES B, topic $TOPIC_BYTES B ($TOPIC, $TOPIC_SIZE articles), RSS $RSS_BYTES B"
  echo "- Load: wrk, $THREADS threads, on the same machine as the servers; each server first warmed for ${WARM_JIT} s with a mix of all pages, then per row ${WARMUP} s warm-up and ${DURATION} s measured"
  echo
  echo "| scenario | connections | req/s | p50 | p99 | target | met? | other load (cores) |"
  echo "|---|---:|---:|---:|---:|---|---|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "\"Other load\" is the CPU that processes other than the servers, their PostgreSQL, nginx and wrk used"
  echo "during the measurement (the machine has $(nproc) cores in all); a row with 0.15 or more is marked disturbed."
  [ $DISTURBED = 1 ] && echo "**Some rows were disturbed by other work on the machine; re-run when it is idle.**"
  echo
  echo "Cached article page / nginx static file: **$RATIO** (target ≥ 0.50)."
  echo "<!-- end of generated section -->"
} > "$SECTION"

mkdir -p "$(dirname "$OUT")"
if [ -f "$OUT" ] && grep -q '^<!-- generated by bench/run.sh' "$OUT"; then
  awk -v section="$SECTION" '
    /^<!-- generated by bench\/run.sh/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /^<!-- end of generated section -->/ { skip = 0; next }
    !skip { print }' "$OUT" > "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
else
  {
    echo "# Benchmarks"
    echo
    echo "How fast Broadsheet serves a large archive on one small machine, next to nginx serving one of"
    echo "its pages as a static file. \`bench/run.sh\` writes the section below; the rest is by hand."
    echo
    cat "$SECTION"
    echo
    echo "## How to run"
    echo
    echo '```sh'
    echo 'bench/run.sh                          # 100,000 articles, about ten minutes'
    echo 'ARTICLES=20000 bench/run.sh --keep    # smaller; keep the data for a re-run'
    echo 'bench/run.sh --data-dir /tmp/broadsheet-bench.XXXX/data --no-build   # re-use that archive'
    echo '```'
  } > "$OUT"
fi
log "wrote $OUT"
cat "$SECTION"
