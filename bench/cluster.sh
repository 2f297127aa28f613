#!/usr/bin/env bash
# The cluster test (issue 15): an external PostgreSQL (Debian's package) in a scratch directory,
# three Broadsheet nodes, HAProxy and Varnish in front, all on loopback, all configured from deploy/;
# a steady mixed load (bench-cluster in broadsheet-tools.jar) and the faults, each with its count of
# failed requests and lost writes. Writes a Markdown report (default docs/cluster-report.md).
#
#   bench/cluster.sh [report.md]
#   FAULTS="3 4" bench/cluster.sh /tmp/report.md     # only some parts (T = throughput, 1-7 = the faults)
#
# The default run is the small scale (500 articles, 2,000 newsletter recipients, 20 publishes, loads of
# 20-45 s): every part runs end to end in about 15 minutes on a quiet 2-core machine. The issue's full
# scale: ARTICLES=2000 RECIPIENTS=20000 PUBLISHES=50 LOAD_SECONDS=60 bench/cluster.sh
#
# Needs: postgresql (15), haproxy, varnish, faketime (apt-get install -y postgresql haproxy varnish
# faketime), curl, python3, and the jars (built here if missing). Runs as root (PostgreSQL then runs as
# the postgres user) or as an ordinary user. Prints each step as it goes and how long each part took;
# everything it starts is stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
REPORT=${1:-docs/cluster-report.md}
# which parts to run (T = throughput, 1-7 = the faults); all by default
FAULTS=${FAULTS:-T 1 2 3 4 5 6 7}
want() { [[ " $FAULTS " == *" $1 "* ]]; }
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
# below the ephemeral port range (32768-60999), where a client socket of anything else may hold it
PG_PORT=${PG_PORT:-25432}
LB_PORT=${LB_PORT:-18000}
CACHE_PORT=${CACHE_PORT:-16081}
NODE_PORTS=(18081 18082 18083)
SMTP_PORT=${SMTP_PORT:-12525}
RECIPIENTS=${RECIPIENTS:-2000}
ARTICLES=${ARTICLES:-500}
PUBLISHES=${PUBLISHES:-20}
# the mixed load's length in the faults that run it for a while (fault 1 and 6; throughput runs half)
LOAD_SECONDS=${LOAD_SECONDS:-40}
LOAD_WORKERS=${LOAD_WORKERS:-8}
# Java 21 or newer (the jars are built for it); JAVA=... to choose
if [ -z "${JAVA:-}" ]; then
    JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
    [ -x "$JAVA" ] || JAVA=java
fi
SCRATCH=$(mktemp -d /tmp/broadsheet-cluster.XXXXXX)
chmod 755 "$SCRATCH"
LOG=$SCRATCH/log
mkdir -p "$LOG"
declare -A NODE_PID
PIDS=()

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# how long each part took, for the report and the progress lines
declare -A TOOK
PART_START=$SECONDS
part() { PART_START=$SECONDS; say "$*"; }
part_done() { TOOK[$1]=$((SECONDS - PART_START)); say "  part $1 took ${TOOK[$1]} s"; }
RUN_START=$SECONDS
cleanup() {
    set +e
    local all=("${PIDS[@]}")
    for port in "${!NODE_PID[@]}"; do all+=($(node_pids "$port")); done
    for p in "${all[@]}"; do kill "$p" 2>/dev/null; done
    sleep 1
    for p in "${all[@]}"; do kill -9 "$p" 2>/dev/null; done
    as_pg "$PGBIN/pg_ctl" -D "$SCRATCH/pg" -m immediate stop >/dev/null 2>&1
    say "scratch directory (logs): $SCRATCH"
}
trap cleanup EXIT

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

[ -f target/broadsheet.jar ] && [ -f target/broadsheet-tools.jar ] || mvn -q -B -ntp -DskipTests package

# --- PostgreSQL from Debian's package, configured by deploy/postgresql
say "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') in $SCRATCH/pg"
mkdir -p "$SCRATCH/pg"
[ "$(id -u)" = 0 ] && chown postgres "$SCRATCH/pg"
as_pg "$PGBIN/initdb" -D "$SCRATCH/pg" -U postgres --auth=trust >"$LOG/initdb.log"
cp deploy/postgresql/broadsheet.conf "$SCRATCH/pg/broadsheet.conf"
{
    echo "include 'broadsheet.conf'"
    echo "port = $PG_PORT"
    echo "unix_socket_directories = '$SCRATCH/pg'"
} >>"$SCRATCH/pg/postgresql.conf"
pg_start() { as_pg "$PGBIN/pg_ctl" -D "$SCRATCH/pg" -l "$SCRATCH/pg/server.log" -w start >/dev/null; }
pg_start
PSQL=("$PGBIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1)
"${PSQL[@]}" -v password="'scratch-only'" -f deploy/postgresql/create-database.sql
DB_URL="postgres://broadsheet:scratch-only@127.0.0.1:$PG_PORT/broadsheet"
sql() { "${PSQL[@]}" -d broadsheet -At -c "$1"; }

# --- the nodes, started as deploy/systemd/broadsheet@.service starts them
UNIT=deploy/systemd/broadsheet@.service
EXEC=$(sed -n 's/^ExecStart=//p' "$UNIT")
JAVA_OPTS_UNIT=$(sed -n 's/^Environment=JAVA_OPTS=//p' "$UNIT")
start_node() { # start_node PORT [prefix command...]
    local port=$1
    shift
    local cmd=${EXEC//%i/$port}
    cmd=${cmd//\/opt\/broadsheet\/broadsheet.jar/$ROOT/target/broadsheet.jar}
    cmd=${cmd//\/var\/lib\/broadsheet\/node-$port/$SCRATCH/node-$port}
    cmd=${cmd//\/usr\/bin\/java/$JAVA}
    cmd=${cmd//\$JAVA_OPTS/$JAVA_OPTS_UNIT}
    (
        set -a
        # shellcheck disable=SC1091
        . deploy/systemd/broadsheet.env
        DATABASE_URL=$DB_URL
        BASE_URL=http://127.0.0.1:$CACHE_PORT
        PURGE_URLS=http://127.0.0.1:$CACHE_PORT/
        DATA_DIR=$SCRATCH/node-$port
        SMTP_HOST=127.0.0.1 # the newsletter fault's sink (bench-cluster --newsletter)
        SMTP_PORT=$SMTP_PORT
        SMTP_STARTTLS=false
        set +a
        # shellcheck disable=SC2086
        exec "$@" $cmd
    ) >>"$LOG/node-$port.log" 2>&1 &
    NODE_PID[$port]=$!
}
wait_up() { # wait_up URL [seconds] [path]: until URL/path (default /healthz) answers 200
    local until=$((SECONDS + ${2:-300}))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1${3:-/healthz}")" = 200 ]; do
        [ $SECONDS -lt $until ] || { say "no answer from $1 within ${2:-300} s"; return 1; }
        sleep 0.2
    done
}
node_pids() { # node_pids PORT: the node's process and its children (faketime runs the JVM as its child)
    echo "${NODE_PID[$1]}" $(pgrep -P "${NODE_PID[$1]}" 2>/dev/null || true)
}
stop_node() { # stop_node PORT SIGNAL: signals the node, then waits until it has exited
    local pids p # p: the caller's loop over the nodes' ports uses that name too
    pids=$(node_pids "$1")
    # shellcheck disable=SC2086
    kill -"$2" $pids 2>/dev/null || true
    wait "${NODE_PID[$1]}" 2>/dev/null || true
    for p in $pids; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
}
TOOLS=("$JAVA" -jar target/broadsheet-tools.jar)

part "demo data: $ARTICLES articles"
"${TOOLS[@]}" bench-data --database-url "$DB_URL" --data-dir "$SCRATCH/seed" --articles "$ARTICLES" --authors 50 --topics 200 >"$LOG/bench-data.log" 2>&1
part_done data

part "starting three nodes"
for p in "${NODE_PORTS[@]}"; do start_node "$p"; done
for p in "${NODE_PORTS[@]}"; do wait_up "http://127.0.0.1:$p" 300 /readyz; done
part_done nodes
N1=http://127.0.0.1:${NODE_PORTS[0]}
N2=http://127.0.0.1:${NODE_PORTS[1]}
N3=http://127.0.0.1:${NODE_PORTS[2]}

# --- HAProxy and Varnish, configured by deploy/
BS_LB_PORT=$LB_PORT BS_NODE1_PORT=${NODE_PORTS[0]} BS_NODE2_PORT=${NODE_PORTS[1]} BS_NODE3_PORT=${NODE_PORTS[2]} \
    haproxy -f deploy/haproxy/haproxy.cfg -db >"$LOG/haproxy.log" 2>&1 &
PIDS+=($!)
sed "s/\.port = \"8000\"/.port = \"$LB_PORT\"/" deploy/varnish/default.vcl >"$SCRATCH/default.vcl"
varnishd -F -a "127.0.0.1:$CACHE_PORT" -f "$SCRATCH/default.vcl" -n "$SCRATCH/varnish" -s malloc,64m \
    >"$LOG/varnish.log" 2>&1 &
PIDS+=($!)
wait_up "http://127.0.0.1:$LB_PORT" 30
wait_up "http://127.0.0.1:$CACHE_PORT" 30
LB=http://127.0.0.1:$LB_PORT

load() { # load SECONDS OUTFILE [url] [extra options]: the mixed load in the background
    local s=$1 out=$2 url=${3:-$LB}
    shift 3 || shift $#
    "${TOOLS[@]}" bench-cluster --database-url "$DB_URL" --data-dir "$SCRATCH/tool" --url "$url" \
        --seconds "$s" --workers "${W:-$LOAD_WORKERS}" "$@" >"$out" 2>>"$LOG/load.log" &
    LOAD_PID=$!
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" "$2"; }
# the three split loads of a throughput round, added up
split_rps() { cat "$SCRATCH"/split-"$1"-*.txt | sed -n 's/.*\brps=\([^ ]*\).*/\1/p' | awk '{s += $1} END {printf "%.1f", s}'; }
split_failed() { cat "$SCRATCH"/split-"$1"-*.txt | sed -n 's/.*\bfailed=\([^ ]*\).*/\1/p' | awk '{s += $1} END {print s}'; }
row() { # row NAME FILE NOTE
    echo "| $1 | $(field requests "$2") | $(field failed "$2") | $(field writes_acknowledged "$2") | $(field writes_lost "$2") | $3 |"
}
ROWS=()

if want T; then
# --- throughput: three nodes through HAProxy, three nodes with the clients split among them (no HAProxy),
# and node 1 alone, in turns (two rounds each), so that no arrangement gains from running later on warmer JVMs
T_SECONDS=$((LOAD_SECONDS / 2))
part "throughput: $LOAD_WORKERS clients without pause, 45 s warm-up, then 2 rounds of $T_SECONDS s each: through HAProxy, straight to the three nodes, node 1 alone"
# a warm-up through HAProxy first (not counted): freshly started JVMs and empty page caches. Each node
# renders each of the load's pages once before it serves it from its cache, so three nodes need three
# times the renders of one: a short warm-up (15 s until 7 December) measured that, not the nodes' pace
# (three nodes 403 req/s against 1,772 for one; 802 against 1,025 after 2.5 minutes of load).
W=$LOAD_WORKERS load 45 "$SCRATCH/warm-up.txt" "$LB" --pause-ms 0
wait $LOAD_PID
for round in 1 2; do
    W=$LOAD_WORKERS load "$T_SECONDS" "$SCRATCH/three-$round.txt" "$LB" --pause-ms 0
    wait $LOAD_PID
    SPLIT=()
    for i in 0 1 2; do
        W=$((LOAD_WORKERS / 3 + (i < LOAD_WORKERS % 3 ? 1 : 0))) load "$T_SECONDS" "$SCRATCH/split-$round-$i.txt" \
            "http://127.0.0.1:${NODE_PORTS[$i]}" --pause-ms 0 --first-reader $((100 * i))
        SPLIT+=($LOAD_PID)
    done
    wait "${SPLIT[@]}"
    W=$LOAD_WORKERS load "$T_SECONDS" "$SCRATCH/one-$round.txt" "$N1" --pause-ms 0
    wait $LOAD_PID
    say "  round $round: HAProxy $(field rps "$SCRATCH/three-$round.txt") req/s, split $(split_rps $round) req/s, one node $(field rps "$SCRATCH/one-$round.txt") req/s"
done
part_done T
fi

if want 1; then
# --- 1. kill -9 one node under load; HAProxy drops it; it restarts and rejoins
part "fault 1: kill -9 node 2 under $LOAD_SECONDS s of load, then restart it"
load "$LOAD_SECONDS" "$SCRATCH/f1.txt"
sleep 10
stop_node "${NODE_PORTS[1]}" 9
T0=$SECONDS
start_node "${NODE_PORTS[1]}"
wait_up "$N2" 300 /readyz
REJOIN1=$((SECONDS - T0))
say "  node 2 ready again after $REJOIN1 s"
wait $LOAD_PID || true
ROWS+=("$(row "1. kill -9 node 2, restart" "$SCRATCH/f1.txt" "ready again after ${REJOIN1} s")")
part_done 1
fi

if want 2; then
# --- 2. rolling restart with SIGTERM under load: each node drains (/readyz 503, HAProxy takes it out),
# stops, starts again and is back in HAProxy's rotation before the next one stops
part "fault 2: rolling restart (SIGTERM) of the three nodes under load"
rm -f "$SCRATCH/stop"
load 900 "$SCRATCH/f2.txt" "$LB" --stop-file "$SCRATCH/stop"
sleep 5
STOPS=""
for p in "${NODE_PORTS[@]}"; do
    T0=$SECONDS
    stop_node "$p" TERM
    STOPPED=$((SECONDS - T0))
    start_node "$p"
    wait_up "http://127.0.0.1:$p" 300 /readyz
    say "  node on $p: stopped in $STOPPED s, ready again after $((SECONDS - T0)) s"
    STOPS+="$p: stopped in $STOPPED s, ready after $((SECONDS - T0)) s; "
    sleep 3 # HAProxy marks it up after two passed checks a second apart
done
sleep 5
touch "$SCRATCH/stop"
wait $LOAD_PID || true
ROWS+=("$(row "2. rolling restart (SIGTERM) of all three" "$SCRATCH/f2.txt" "$STOPS")")
part_done 2
fi

if want 3; then
# --- 3. publish: visible on every node and through Varnish within 1 s
part "fault 3: $PUBLISHES publishes under load, each timed until every node and Varnish show it"
rm -f "$SCRATCH/stop3"
load 900 "$SCRATCH/f3-load.txt" "$LB" --stop-file "$SCRATCH/stop3"
WATCH="$N1,$N2,$N3,http://127.0.0.1:$CACHE_PORT"
"${TOOLS[@]}" bench-cluster --database-url "$DB_URL" --data-dir "$SCRATCH/tool" --url "$LB" --publishes "$PUBLISHES" \
    --watch "$WATCH" >"$SCRATCH/f3.txt" 2>>"$LOG/load.log"
touch "$SCRATCH/stop3"
wait $LOAD_PID || true
say "  $(cat "$SCRATCH/f3.txt")"
# a page cached by Varnish before a change, then purged: the change shows through the cache
VARNISH_HITS=$(curl -s -o /dev/null -D - "http://127.0.0.1:$CACHE_PORT/" | tr -d '\r' | sed -n 's/^X-Cache: //p')
part_done 3
fi

if want 4; then
# --- 4. a photo uploaded through node 2 is served by node 3
part "fault 4: a photo uploaded through node 2, fetched from node 3"
printf 'photo desk password 42\n' | "$JAVA" -jar target/broadsheet.jar user --database-url "$DB_URL" --data-dir "$SCRATCH/tool" \
    --role editor --name "Photo Desk" --password-stdin photo@cluster.example >>"$LOG/user.log" 2>&1
JAR=$SCRATCH/cookies.txt
CSRF=$(printf 'c%.0s' $(seq 43))
curl -s -o /dev/null -c "$JAR" -b "bs_csrf=$CSRF" "$N2/sign-in"
curl -s -o /dev/null -c "$JAR" -b "bs_csrf=$CSRF" -d "_csrf=$CSRF" -d email=photo@cluster.example \
    --data-urlencode "password=photo desk password 42" -d next=/newsroom "$N2/sign-in"
SESSION=$(awk '$6 == "bs_session" {print $7}' "$JAR")
python3 - "$SCRATCH/upload.png" <<'PY'
import struct, sys, zlib
w, h = 800, 500
raw = b"".join(b"\x00" + b"".join(bytes((x * 255 // w, y * 255 // h, 120)) for x in range(w)) for y in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
UPLOAD=$(curl -s -o /dev/null -w '%{http_code}' -b "bs_session=$SESSION; bs_csrf=$CSRF" -F "_csrf=$CSRF" \
    -F "file=@$SCRATCH/upload.png;type=image/png" -F "caption=Uploaded through node 2." -F "credit=Cluster test" \
    -F "altText=A colour gradient" "$N2/newsroom/photos")
KEY=$(sql "select file_key from photos where caption = 'Uploaded through node 2.' order by id desc limit 1")
PHOTO3=$(curl -s -o "$SCRATCH/from-node3.jpg" -w '%{http_code} %{size_download}' "$N3/media/$KEY-w640.jpg")
PHOTO2=$(curl -s -o "$SCRATCH/from-node2.jpg" -w '%{http_code} %{size_download}' "$N2/media/$KEY-w640.jpg")
SAME=$(cmp -s "$SCRATCH/from-node2.jpg" "$SCRATCH/from-node3.jpg" && echo "the same bytes" || echo "different bytes")
say "  upload $UPLOAD; node 3: $PHOTO3; node 2: $PHOTO2; $SAME"
part_done 4
fi

if want 5; then
# --- 5. a newsletter with a node killed mid-send (its batch waits out the lease, NewsletterSender.LEASE)
part "fault 5: newsletter to $RECIPIENTS, node 3 killed mid-send (its claims wait out the 5-minute lease)"
"${TOOLS[@]}" bench-cluster --database-url "$DB_URL" --data-dir "$SCRATCH/tool" --url "$LB" \
    --newsletter "$RECIPIENTS" --smtp-port "$SMTP_PORT" >"$SCRATCH/f5.txt" 2>>"$LOG/load.log" &
NL_PID=$!
until [ "$(sql "select count(*) from newsletter_outbox where state = 'sent'")" -ge $((RECIPIENTS / 3)) ]; do
    kill -0 $NL_PID 2>/dev/null || break
    sleep 0.2
done
KILLED_AT=$(sql "select count(*) from newsletter_outbox where state = 'sent'")
IN_FLIGHT=$(sql "select count(*) from newsletter_outbox where state = 'sending'")
stop_node "${NODE_PORTS[2]}" 9
say "  node 3 killed with $KILLED_AT sent, $IN_FLIGHT claimed; waiting for the outbox to drain"
wait $NL_PID || true
say "  $(cat "$SCRATCH/f5.txt")"
start_node "${NODE_PORTS[2]}" # back for the next parts
wait_up "$N3" 300 /readyz
part_done 5
fi

if want 6; then
# --- 6. PostgreSQL restarted under load
part "fault 6: PostgreSQL stopped for a few seconds under $LOAD_SECONDS s of load"
load "$LOAD_SECONDS" "$SCRATCH/f6.txt"
sleep 10
as_pg "$PGBIN/pg_ctl" -D "$SCRATCH/pg" -m fast stop >/dev/null
DOWN_AT=$SECONDS
SLOWEST_DOWN=0
for _ in 1 2 3 4 5; do
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 "$N1/search?q=harbour$RANDOM")
    say "  while down: $t"
    s=${t#* }
    SLOWEST_DOWN=$(python3 -c "print(max($SLOWEST_DOWN, $s))")
    sleep 1
done
pg_start
UP_AT=$SECONDS
wait $LOAD_PID || true
ROWS+=("$(row "6. PostgreSQL stopped $((UP_AT - DOWN_AT)) s under load" "$SCRATCH/f6.txt" "slowest answer while down: ${SLOWEST_DOWN} s")")
wait_up "$N1" 60 "/search?q=harbour" || true
RECOVER=$(curl -s -o /dev/null -w '%{http_code}' "$N1/search?q=harbour")
part_done 6
fi

if want 7; then
# --- 7. one node's clock 5 minutes fast: scheduled publishing still on time by the database's clock, once
part "fault 7: node 3 alone, its clock 5 minutes fast, publishes a scheduled article"
stop_node "${NODE_PORTS[0]}" TERM
stop_node "${NODE_PORTS[1]}" TERM
stop_node "${NODE_PORTS[2]}" TERM
start_node "${NODE_PORTS[2]}" faketime -f +5m
wait_up "$N3" 300 /readyz
NODE_CLOCK=$(curl -s -D - -o /dev/null "$N3/healthz" | tr -d '\r' | sed -n 's/^Date: //p')
SID=$(sql "select id from sections order by position limit 1")
AID=$(sql "insert into articles (slug, headline, deck, body, section_id, kind, status, published_at, updated_at)
      values ('clock-test', 'Clock test', 'Deck.', 'Body.', $SID, 'news', 'scheduled', now() + interval '20 seconds', now())
      returning id" | head -1)
T0=$SECONDS
until [ "$(sql "select status from articles where id = $AID")" = published ]; do
    [ $((SECONDS - T0)) -lt 120 ] || { say "  not published within 120 s"; break; }
    sleep 0.2
done
LATE=$(sql "select round(extract(epoch from (a.updated_at - a.published_at))::numeric, 1) from articles a where id = $AID")
ONCE=$(sql "select count(*) from audit_log where subject_type = 'article' and subject_id = $AID and action = 'published'")
say "  node clock $NODE_CLOCK; published $LATE s after its time, $ONCE time(s)"
stop_node "${NODE_PORTS[2]}" TERM
part_done 7
fi

# --- the report
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
TOTAL=$((SECONDS - RUN_START))
{
    echo "# Cluster test report"
    echo
    echo "Written by \`bench/cluster.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at the end $LOADAVG."
    echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'),"
    echo "$(haproxy -v | head -1 | awk '{print "HAProxy", $3}'), $(varnishd -V 2>&1 | head -1 | sed 's/varnishd (\(varnish-[^ ]*\).*/\1/'),"
    echo "three nodes from \`deploy/systemd/broadsheet@.service\`, HAProxy from \`deploy/haproxy/haproxy.cfg\`, Varnish from"
    echo "\`deploy/varnish/default.vcl\`; $ARTICLES generated articles. The load (\`bench-cluster\`, $LOAD_WORKERS clients, 20 ms between"
    echo "a client's requests): 50 % article pages, 20 % home, 10 % search, 10 % a signed-in reader's /following, 10 % follow or"
    echo "unfollow through the JSON API. A failed request is a 5xx, a refused connection or no answer in 10 s; a lost write is"
    echo "a follow or unfollow that was acknowledged (2xx) but is not in the database at the end. Parts run: $FAULTS"
    echo "(ARTICLES=$ARTICLES RECIPIENTS=$RECIPIENTS PUBLISHES=$PUBLISHES LOAD_SECONDS=$LOAD_SECONDS); the whole run took $TOTAL s."
    echo
    echo "| part | seconds |"
    echo "| --- | --- |"
    for k in data nodes T 1 2 3 4 5 6 7; do [ -n "${TOOK[$k]:-}" ] && echo "| $k | ${TOOK[$k]} |"; done
    if want T; then
        echo
        echo "## Throughput"
        echo
        echo "Two rounds, in this order each round: all clients through HAProxy to the three nodes; the clients split"
        echo "among the three nodes with no HAProxy; all clients on node 1 alone (the other two idle)."
        echo
        echo "| | round | requests/s ($LOAD_WORKERS clients, no pause, $T_SECONDS s) | failed |"
        echo "| --- | --- | --- | --- |"
        for round in 1 2; do
            echo "| three nodes through HAProxy | $round | $(field rps "$SCRATCH/three-$round.txt") | $(field failed "$SCRATCH/three-$round.txt") |"
            echo "| three nodes, clients split, no HAProxy | $round | $(split_rps $round) | $(split_failed $round) |"
            echo "| one node alone | $round | $(field rps "$SCRATCH/one-$round.txt") | $(field failed "$SCRATCH/one-$round.txt") |"
        done
    fi
    echo
    echo "## Faults"
    echo
    echo "| fault | requests | failed | writes acknowledged | writes lost | note |"
    echo "| --- | --- | --- | --- | --- | --- |"
    for r in "${ROWS[@]}"; do echo "$r"; done
    echo
    for f in f1 f2 f6; do
        [ -f "$SCRATCH/$f.txt" ] && echo "Failures by second of the load in $f (second: count): $(sed -n 's/.*failures_by_second=\(.*\)$/\1/p' "$SCRATCH/$f.txt")."
    done
    if want 3; then
        echo
        echo "**3. Publish visibility.** $(cat "$SCRATCH/f3.txt") (milliseconds from the commit of the publish until the"
        echo "article page, the home page, the site feed, search and a follower's /following showed it on node 1, node 2,"
        echo "node 3 and through Varnish, all twenty watched at once, each asked every 50 ms; the five slowest addresses as p50/p99/max, under the mixed load). The home page through Varnish after the run: X-Cache $VARNISH_HITS."
    fi
    if want 4; then
        echo
        echo "**4. Photo across nodes.** Upload through node 2: HTTP $UPLOAD. Node 3 served the 640-pixel derivative: $PHOTO3"
        echo "(status, bytes); node 2: $PHOTO2; $SAME."
    fi
    if want 5; then
        echo
        echo "**5. Newsletter with a node killed mid-send.** Node 3 was killed (-9) when $KILLED_AT messages had been sent"
        echo "($IN_FLIGHT claimed and not yet sent, on all nodes). $(cat "$SCRATCH/f5.txt") (per address, counted by the SMTP"
        echo "sink; delivery is at least once: a batch claimed by the killed node is sent again by another once its lease ends)."
    fi
    if want 6; then
        echo
        echo "**6. PostgreSQL restart.** After PostgreSQL came back, node 1 answered a search with HTTP $RECOVER without a restart."
    fi
    if want 7; then
        echo
        echo "**7. A node's clock 5 minutes fast.** Node 3 alone ran (under \`faketime -f +5m\`; its Date header said"
        echo "$NODE_CLOCK). An article scheduled 20 s ahead by the database's clock was published $LATE s after its time"
        echo "by the database's clock, $ONCE time(s)."
    fi
} >"$REPORT"
say "report written to $REPORT (the whole run took $TOTAL s)"
