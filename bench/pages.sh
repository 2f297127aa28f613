#!/usr/bin/env bash
# The page benchmark of issue 12: the demo paper's richest pages (the lead article, home, a section,
# a topic, the RSS feed) and, on a generated archive, /following for a reader following 100 things,
# spread article pages and the largest topic. Every server is freshly started with the settings
# `serve` uses by default (JAVA_OPTS adds to them), measured in ROUNDS alternating rounds beside nginx
# serving the same bytes (plain and the same gzip bytes), and the report goes into docs/benchmarks.md.
#
# Usage: bench/pages.sh [--no-build] [--keep] [--out FILE]
# Environment: ROUNDS (2), DURATION seconds per row (10), WARMUP seconds per row (3), WARM_JIT seconds of
#   mixed load on each fresh server before measuring (60), ARTICLES in the archive (20000), CACHED_PAGES
#   ("article home section topic rss"), THREADS wrk threads (2), PORT (8090), NGINX_PORT (8099), JAVA,
#   SERVE_JVM ("-Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000" and a class archive in the scratch dir, as README's commands), JAVA_OPTS, STARTS start-up timings (3),
#   RELATED_WAIT seconds to wait for the archive's related stories before measuring (3600),
#   PARTS which parts to run ("startup cached rendered archive"; e.g. PARTS=archive for /following, the spread
#   and the largest topic alone; a run of some parts writes its report to the scratch dir, not the docs, unless --out),
#   ARCHIVE_DIR a data dir for the archive that outlives the run: generated (with its reader) the first time,
#   used as it is afterwards (its related stories are already worked out, so the wait is short).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
WARM_JIT=${WARM_JIT:-60}
ARTICLES=${ARTICLES:-20000}
CACHED_PAGES=${CACHED_PAGES:-article home section topic rss}
THREADS=${THREADS:-2}
PORT=${PORT:-8090}
NGINX_PORT=${NGINX_PORT:-8099}
STARTS=${STARTS:-3}
RELATED_WAIT=${RELATED_WAIT:-3600}
JAVA_OPTS=${JAVA_OPTS:-}
ALL_PARTS="startup cached rendered archive"
PARTS=${PARTS:-$ALL_PARTS}
part() { case " $PARTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
CDS_ARCHIVE=/tmp/broadsheet-pages-$$.jsa
SERVE_JVM=${SERVE_JVM:--Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$CDS_ARCHIVE}
OUT="$ROOT/docs/benchmarks.md"
KEEP=0
BUILD=1
OUT_GIVEN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=1; shift ;;
    --out) OUT=$2; OUT_GIVEN=1; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "bench/pages.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
log() { printf '[pages %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- tools: wrk, curl, psql (pg_stat_statements), nginx (the reference; skipped if it cannot be had) ----
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v psql >/dev/null || need+=(postgresql-client)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get install -y "${need[@]}" >/dev/null 2>&1 || log "could not install ${need[*]}"
fi
for t in wrk curl psql; do command -v $t >/dev/null || { echo "bench/pages.sh: $t is needed" >&2; exit 2; }; done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { NGINX=""; log "nginx is not installed and could not be: the nginx comparison is skipped"; }
if [ -z "${JAVA:-}" ]; then
  JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
  [ -x "$JAVA" ] || JAVA=java
fi
if [ $BUILD = 1 ]; then
  log "building"
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests package)
fi
WORK=$(mktemp -d /tmp/broadsheet-pages.XXXXXX)
chmod 755 "$WORK"
cp "$ROOT/target/broadsheet.jar" "$ROOT/target/broadsheet-tools.jar" "$WORK/"
JAR="$WORK/broadsheet.jar"
TOOLS="$WORK/broadsheet-tools.jar"
DEMO="$WORK/demo"
ARCHIVE=${ARCHIVE_DIR:-$WORK/archive}
[ "$PARTS" = "$ALL_PARTS" ] || [ $OUT_GIVEN = 1 ] || OUT="$WORK/benchmarks.md"

SERVER=""
NGINX_PID=""
cleanup() {
  set +e
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null
  stop_server
  if [ $KEEP = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  rm -f "$CDS_ARCHIVE"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- servers ----
start_server() { # data-dir, extra serve args...: starts `serve`, waits for the first 200 on /, sets START_MS
  local dir=$1
  shift
  local t0
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" $SERVE_JVM $JAVA_OPTS -jar "$JAR" serve --data-dir "$dir" --port "$PORT" "$@" > "$WORK/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; then
      START_MS=$((($(date +%s%N) - t0) / 1000000))
      PG_PID=$(sed -n 1p "$dir/postgres/postmaster.pid")
      PG_PORT=$(sed -n 4p "$dir/postgres/postmaster.pid")
      sql "create extension if not exists pg_stat_statements" > /dev/null 2>&1 || true
      return 0
    fi
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.05
  done
  tail -20 "$WORK/serve.log" >&2
  echo "bench/pages.sh: the server did not start" >&2
  exit 1
}
stop_server() {
  [ -n "$SERVER" ] || return 0
  kill "$SERVER" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc "$1"; }
with_statements() { # data-dir: PostgreSQL loads pg_stat_statements on its next start
  grep -q pg_stat_statements "$1/postgres/postgresql.auto.conf" 2>/dev/null ||
    echo "shared_preload_libraries = 'pg_stat_statements'" >> "$1/postgres/postgresql.auto.conf"
}

# ---- data: the demo paper, and a generated archive with a reader following 100 things ----
if part startup || part cached || part rendered; then
log "loading the demo paper"
"$JAVA" -jar "$TOOLS" serve --demo --data-dir "$DEMO" --port "$PORT" > "$WORK/demo.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done
stop_server
with_statements "$DEMO"
fi
RELATED_LEFT="-"; waited=0
if part archive; then
if [ -s "$ARCHIVE/bench-reader.txt" ]; then
  log "using the archive in $ARCHIVE"
  ARTICLES=$(wc -l < "$ARCHIVE/bench-urls.txt")
else
  log "generating $ARTICLES articles"
  "$JAVA" -jar "$TOOLS" bench-data --data-dir "$ARCHIVE" --articles "$ARTICLES" > "$WORK/bench-data.log"
  "$JAVA" -jar "$TOOLS" bench-reader --data-dir "$ARCHIVE" --follows 100 2>/dev/null | tail -1 > "$ARCHIVE/bench-reader.txt"
fi
READER=$(cat "$ARCHIVE/bench-reader.txt")
with_statements "$ARCHIVE"
# a site's archive has its related stories worked out by the background job (search/RelatedJob) before
# readers spread over it: one server runs the job to the end (RELATED_WAIT seconds at most) before the rounds
related_left() { sql "select count(*) from articles a left join article_related r on r.article_id = a.id
                      where a.status = 'published' and (r.article_id is null or r.version <> a.version)"; }
start_server "$ARCHIVE" --no-page-cache
log "waiting for the related stories of $ARTICLES articles (at most ${RELATED_WAIT}s)"
waited=0
left=$(related_left)
while [ "$left" != 0 ] && [ $waited -lt "$RELATED_WAIT" ]; do
  sleep 10; waited=$((waited + 10)); before=$left; left=$(related_left)
  # progress every 10 s: articles left, rate, time left at that rate
  rate=$(( (before - left) / 10 ))
  log "related stories: $left articles left, $rate/s, about $([ $rate -gt 0 ] && echo $((left / rate)) || echo '?') s left"
done
RELATED_LEFT=$(related_left)
log "related stories: $RELATED_LEFT articles left after ${waited}s"
stop_server
fi

# ---- start-up with an existing data dir, to the first page ----
# the first start after a new jar writes the class archive when it stops; the timed starts map it
STARTUPS=(); FIRST_START_MS="-"
if part startup; then
start_server "$DEMO"
FIRST_START_MS=$START_MS
stop_server
for _ in $(seq 1 "$STARTS"); do
  start_server "$DEMO"
  STARTUPS+=("$START_MS")
  stop_server
done
log "start-up to the first page: ${STARTUPS[*]} ms (the first start after the build, writing its class archive: $FIRST_START_MS ms)"
fi

# ---- measuring ----
ticks() { # CPU ticks (1/100 s) of the pids given
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'))); done
  echo $t
}
pg_pids() { echo "$PG_PID" $(ps -o pid= --ppid "$PG_PID"); }
pss() { # MiB of PSS of the processes given (the server, its PostgreSQL: the postmaster and its children)
  local kb=0 p
  for p in "$@"; do
    [ -r "/proc/$p/smaps_rollup" ] && kb=$((kb + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup")))
  done
  echo $((kb / 1024))
}
statements() { sql "select coalesce(sum(calls), 0) from pg_stat_statements where query not like '%pg_stat_%'"; }
transactions() { sql "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'"; }
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# run NAME CONNS URL [wrk args...]: warm-up, then a measured run; appends a tab-separated line to $WORK/rows
run() {
  local name=$1 conns=$2 url=$3
  shift 3
  wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" "$url" "$@" > /dev/null
  local j0 p0 s0 x0 file="$WORK/wrk.txt" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  j0=$(ticks "$SERVER"); p0=$(ticks $(pg_pids)); s0=$(statements); x0=$(transactions)
  wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --latency "$url" "$@" > "$file"
  local j1 p1 s1 x1
  j1=$(ticks "$SERVER"); p1=$(ticks $(pg_pids)); s1=$(statements); x1=$(transactions)
  local n rps p99 bad mem jvm_mem pg_mem
  n=$(awk '/requests in/ {print $1}' "$file")
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")
  p99=$(ms "$(awk '/^ +99%/ {print $2}' "$file")")
  bad=$(awk '/Non-2xx|Socket errors/' "$file" | tr -s ' ' | tr '\n' ';')
  jvm_mem=$(pss "$SERVER"); pg_mem=$(pss $(pg_pids)); mem=$((jvm_mem + pg_mem))
  # statements and transactions less the two each reading takes
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$conns" "$rps" "$p99" \
    "$(awk -v a="$j0" -v b="$j1" -v n="$n" 'BEGIN { printf "%.3f", (b - a) * 10 / n }')" \
    "$(awk -v a="$p0" -v b="$p1" -v n="$n" 'BEGIN { printf "%.3f", (b - a) * 10 / n }')" \
    "$(awk -v a="$s0" -v b="$s1" -v n="$n" 'BEGIN { printf "%.2f", (b - a - 2) / n }')" \
    "$(awk -v a="$x0" -v b="$x1" -v n="$n" 'BEGIN { printf "%.2f", (b - a - 3) / n }')" \
    "$mem" "$load" "${bad:-}" "$jvm_mem" "$pg_mem" >> "$WORK/rows"
  log "$name c$conns: $rps req/s, p99 $p99 ms, PSS $mem MiB (JVM $jvm_mem, PostgreSQL $pg_mem), load $load"
}
warm() { # URL list file: WARM_JIT seconds of mixed pages
  wrk -t"$THREADS" -c16 -d"${WARM_JIT}s" "http://127.0.0.1:$PORT" -s "$ROOT/bench/random-urls.lua" -- "$1" > /dev/null
}

demo_paths() { # name path, for the demo paper's pages
  local lead
  lead=$(curl -sf "http://127.0.0.1:$PORT/" | grep -o '/[0-9]*/[0-9]*/[0-9]*/harbour-bill-passes-second-reading' | head -1)
  [ -n "$lead" ] || { echo "bench/pages.sh: the demo paper's lead article is not on its home page" >&2; exit 1; }
  printf 'article %s\nhome /\nsection /sections/politics\ntopic /topics/harbour-bill\nrss /feed.rss\n' "$lead"
}

start_nginx() {
  [ -n "$NGINX" ] || return 0
  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    types { text/html html; application/rss+xml rss; }
    default_type text/html;
    access_log off;
    sendfile on;
    tcp_nopush off;
    tcp_nodelay on;
    keepalive_requests 100000;
    gzip off;
    gzip_static on;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
EOF
  "$NGINX" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  sleep 1
}

: > "$WORK/rows"
GZ=(-H "Accept-Encoding: gzip")
for round in $(seq 1 "$ROUNDS"); do
  # -- cache hits, each beside nginx serving the same bytes --
  if part cached || part rendered; then
  start_server "$DEMO"
  demo_paths > "$WORK/demo-paths"
  if [ "$round" = 1 ]; then
    mkdir -p "$WORK/www"
    while read -r name path; do
      curl -sf "http://127.0.0.1:$PORT$path" -o "$WORK/www/$name.html"
      curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT$path" -o "$WORK/www/$name.html.gz"
    done < "$WORK/demo-paths"
    chmod -R a+rX "$WORK/www"
    start_nginx
  fi
  awk '{print $2}' "$WORK/demo-paths" > "$WORK/demo-urls"
  fi
  if part cached; then
  log "round $round: page cache on; warming ${WARM_JIT}s"
  warm "$WORK/demo-urls"
  while read -r name path; do
    case " $CACHED_PAGES " in *" $name "*) ;; *) continue ;; esac
    for c in 16 64; do
      if [ -n "$NGINX_PID" ]; then
        run "nginx $name" "$c" "http://127.0.0.1:$NGINX_PORT/$name.html"
        run "nginx $name gzip" "$c" "http://127.0.0.1:$NGINX_PORT/$name.html" "${GZ[@]}"
      fi
      run "cached $name" "$c" "http://127.0.0.1:$PORT$path"
      run "cached $name gzip" "$c" "http://127.0.0.1:$PORT$path" "${GZ[@]}"
    done
  done < "$WORK/demo-paths"
  fi
  stop_server

  # -- rendered: the demo paper's pages without the page cache --
  if part rendered; then
  start_server "$DEMO" --no-page-cache
  log "round $round: page cache off; warming ${WARM_JIT}s"
  warm "$WORK/demo-urls"
  while read -r name path; do
    run "rendered $name" 16 "http://127.0.0.1:$PORT$path"
  done < "$WORK/demo-paths"
  stop_server
  fi

  # -- rendered: the generated archive --
  part archive || continue
  start_server "$ARCHIVE" --no-page-cache
  TOPIC=$(head -1 "$ARCHIVE/bench-topics.txt" | cut -d' ' -f1)
  log "round $round: archive, page cache off; warming ${WARM_JIT}s"
  warm "$ARCHIVE/bench-urls.txt"
  # a signed-in browser carries the CSRF cookie it was given at sign-in (43 characters), so the page
  # does not mint one and set it on every request, as it would for a first visit
  CSRF=$(printf 'b%.0s' $(seq 43))
  run "rendered /following (100 follows)" 16 "http://127.0.0.1:$PORT/following" -H "Cookie: bs_session=$READER; bs_csrf=$CSRF"
  run "rendered articles spread over $ARTICLES" 16 "http://127.0.0.1:$PORT" -s "$ROOT/bench/random-urls.lua" -- "$ARCHIVE/bench-urls.txt"
  run "rendered largest topic" 16 "http://127.0.0.1:$PORT$TOPIC"
  stop_server
done
cp "$WORK/rows" "$WORK/rows.tsv"
peak() { # the largest PSS of the rows named, with its JVM and PostgreSQL parts
  awk -F'\t' -v re="$1" '$1 ~ re && $9 > m { m = $9; j = $12; p = $13 } END { printf "%d MiB (JVM %d + PostgreSQL %d)", m, j, p }' "$WORK/rows"
}

# ---- the report: medians over the rounds ----
SECTION="$WORK/section.md"
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "—"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -F'\t' -v n="$1" -v c="$2" -v k="$3" '$1 == n && $2 == c { print $k }' "$WORK/rows"; }
sizes() { [ -f "$WORK/demo-paths" ] || return 0; while read -r name _; do printf '%s %s B (gzip %s B); ' "$name" "$(stat -c %s "$WORK/www/$name.html")" "$(stat -c %s "$WORK/www/$name.html.gz")"; done < "$WORK/demo-paths"; }
{
  echo "<!-- generated by bench/pages.sh: everything between these markers is replaced on each run -->"
  echo "## Pages run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (each row's own below)"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -1); server JVM options: \`$SERVE_JVM ${JAVA_OPTS}\`; $("$NGINX" -v 2>&1 || echo 'no nginx')"
  echo "- Demo paper pages: $(sizes)"
  echo "- Archive: $ARTICLES generated articles, related stories worked out by the background job before the rounds ($RELATED_LEFT left after waiting ${waited}s); /following is a signed-in reader following 100 things (session and CSRF cookies, as a browser sends them after sign-in)"
  echo "- $ROUNDS rounds, each server freshly started and warmed ${WARM_JIT}s with a mix of the pages, then per row ${WARMUP}s warm-up and ${DURATION}s measured (wrk, $THREADS threads, same cores); figures are medians over the rounds"
  part startup && echo "- Start-up with an existing data dir (the demo paper), \`java $SERVE_JVM -jar broadsheet.jar serve\` to the first 200 on /: ${STARTUPS[*]} ms (the first start after the build, which writes the class archive when it stops: $FIRST_START_MS ms)"
  echo "- Peak PSS of the JVM and its PostgreSQL (target < 400 MiB), read after each row: demo paper, cache on $(peak '^cached'); demo paper, cache off $(peak '^rendered (article|home|section|topic|rss)$'); archive, cache off $(peak '^rendered (/following|articles|largest)')"
  if part cached; then
  echo
  echo "Cache hits beside nginx serving the same bytes (target ≥ 0.9 of nginx):"
  echo
  echo "| page | encoding | c | nginx req/s | Broadsheet req/s | ratio | Broadsheet p99 | load avg |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  fi
  [ -f "$WORK/demo-paths" ] && part cached && while read -r name _; do
    case " $CACHED_PAGES " in *" $name "*) ;; *) continue ;; esac
    for enc in "" " gzip"; do
      for c in 16 64; do
        n=$(col "nginx $name$enc" $c 3 | median)
        b=$(col "cached $name$enc" $c 3 | median)
        r=$(paste <(col "cached $name$enc" $c 3) <(col "nginx $name$enc" $c 3) | awk '$2 > 0 { print $1 / $2 }' | median)
        echo "| $name | ${enc:- plain} | $c | $n | $b | $(printf '%.2f' "${r/—/0}") | $(col "cached $name$enc" $c 4 | median) ms | $(col "cached $name$enc" $c 10 | median) |"
      done
    done
  done < "$WORK/demo-paths"
  echo
  echo "Rendered without the page cache, 16 connections (target ≥ 3,000 req/s, p99 < 10 ms):"
  echo
  echo "| page | req/s | p99 | JVM CPU/page | PostgreSQL CPU/page | SQL statements/page | transactions/page | PSS MiB | load avg |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '$1 ~ /^rendered/ && !seen[$1]++ { print $1 }' "$WORK/rows" | while read -r name; do
    echo "| ${name#rendered } | $(col "$name" 16 3 | median) | $(col "$name" 16 4 | median) ms | $(col "$name" 16 5 | median) ms | $(col "$name" 16 6 | median) ms | $(col "$name" 16 7 | median) | $(col "$name" 16 8 | median) | $(col "$name" 16 9 | median) | $(col "$name" 16 10 | median) |"
  done
  echo
  echo "CPU per page is the server's and its PostgreSQL's CPU time over the measured requests (wrk's own"
  echo "is not in it). Statements are pg_stat_statements calls per page; transactions are PostgreSQL's"
  echo "commits per page (each statement outside a transaction is one), so both count round trips."
  echo "<!-- end of pages section -->"
} > "$SECTION"
if [ -f "$OUT" ] && grep -q '^<!-- generated by bench/pages.sh' "$OUT"; then
  awk -v section="$SECTION" '
    /^<!-- generated by bench\/pages.sh/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /^<!-- end of pages section -->/ { skip = 0; next }
    !skip { print }' "$OUT" > "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
else
  { echo; cat "$SECTION"; } >> "$OUT"
fi
cat "$SECTION"
log "raw rows in $WORK/rows.tsv (kept with --keep)"
