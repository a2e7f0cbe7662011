#!/usr/bin/env bash
# Storefront's benchmark, one command: bench/run.sh   (documented in docs/performance.md)
#
# Builds the jars, generates a dataset (10,000 products, 1,000 users, a share of them with carts),
# starts the server with default settings, warms it up, drives every scenario with wrk on loopback,
# measures the ceiling (a minimal Undertow + Jackson server) and the bcrypt limit in the same run,
# then startup time, resident memory and the catalog query's growth (JMH). Prints a results table
# and writes it to bench/work/results.md. Takes about 11 minutes on 2 cores (4 of them JMH).
#
# Knobs (environment): BENCH_WARMUP (s, 60), BENCH_DURATION (s per scenario, 15), BENCH_THREADS (2),
# BENCH_CONNECTIONS (32), BENCH_PORT (18080), BENCH_CEILING_PORT (18081), BENCH_JMH (1; 0 skips JMH),
# BENCH_COMPARE_JVM_OPTIONS (JVM_OPTIONS of the memory comparison; empty: the JVM's defaults), BENCH_SKIP_BUILD
# (0), BENCH_STOREFRONT_JAR (the server jar to measure; default this build's).
#
# bench/run.sh --postgres (or BENCH_DATABASE=postgresql): the same dataset on a throwaway PostgreSQL
# cluster this script starts (from /usr/lib/postgresql/*/bin, on 127.0.0.1, durable settings) and
# stops; the catalog page, checkout and add to cart against one Storefront instance and against
# two on the same database (wrk threads alternating between them), with a pgbench model of the
# same transactions (bench/pgbench/) as the write ceiling, measured in the same run. About 8
# minutes; results in bench/work/results-postgres.md. Code: bench/postgres.sh. The second
# instance's port: BENCH_SECOND_PORT (BENCH_PORT + 2).
#
# bench/run.sh --help prints this.
set -euo pipefail

DATABASE=${BENCH_DATABASE:-sqlite}
for arg in "$@"; do
  case $arg in
    --postgres) DATABASE=postgresql ;;
    -h|--help) sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $arg (see bench/run.sh --help)" >&2; exit 2 ;;
  esac
done
[[ $DATABASE == sqlite || $DATABASE == postgresql ]] || { echo "bench: BENCH_DATABASE is sqlite or postgresql" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LUA="$ROOT/bench/lua"
WORK="$ROOT/bench/work"
JAR="${BENCH_STOREFRONT_JAR:-$ROOT/bootstrap/target/storefront.jar}"  # another build can be measured against the same tools
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
PORT=${BENCH_PORT:-18080}
CEILING_PORT=${BENCH_CEILING_PORT:-18081}
WARMUP=${BENCH_WARMUP:-60}
DURATION=${BENCH_DURATION:-15}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PRODUCTS=10000
USERS=1000
CART_SHARE=0.3
LOGIN_USERS=64
LOGIN_CONNECTIONS=8
CHECKOUT_CONNECTIONS=16   # one per wrk thread: each thread fills a cart, then checks it out
BCRYPT_COST=12
COMPARE_JVM_OPTIONS=${BENCH_COMPARE_JVM_OPTIONS:-}
BASE="http://127.0.0.1:$PORT"
export BENCH_WORK="$WORK" BENCH_PRODUCTS="$PRODUCTS" BENCH_LOGIN_THREADS="$THREADS"
export BENCH_CHECKOUT_THREADS="$CHECKOUT_CONNECTIONS"

SERVER_PID=""
CEILING_PID=""
SAMPLER_PID=""
cleanup() {
  for pid in "$SAMPLER_PID" "$CEILING_PID" "$SERVER_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
ms_now() { echo $(( $(date +%s%N) / 1000000 )); }
# The server is two processes by default: the java -jar launcher and the server's JVM it starts
# (ServerJvm); memory and CPU are counted for a process and its children.
tree() { echo "$1" $(pgrep -P "$1" 2>/dev/null); }
rss_mb() {
  local kb=0 p v
  for p in $(tree "$1"); do
    v=$(awk '/^VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null); kb=$(( kb + ${v:-0} ))
  done
  echo $(( kb / 1024 ))
}
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<"$2"; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# --- tools ---------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk (Debian package)"
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi
for tool in curl java mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is required" >&2; exit 1; }
done

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "building the jars (mvn -B -q -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi

wait_health() { # port, timeout seconds
  local deadline=$(( $(ms_now) + $2 * 1000 ))
  until curl -fsS -o /dev/null "http://127.0.0.1:$1/health" 2>/dev/null; do
    if (( $(ms_now) > deadline )); then echo "bench: no answer on port $1" >&2; return 1; fi
    sleep 0.01
  done
}

# Every client of the benchmark comes from 127.0.0.1, so the per-address registration limit
# (REGISTRATIONS_PER_HOUR, 30 by default) would stop the seeding of its users: it is raised.
start_server() { # extra environment assignments...
  (cd "$WORK" && exec env PORT="$PORT" HOST=127.0.0.1 DATA_DIR="$WORK/data" REGISTRATIONS_PER_HOUR=1000000 "$@" java -jar "$JAR") \
    >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
}

stop_server() {
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# CPU bookkeeping, so a run disturbed by other work on the machine says so: jiffies of all CPUs
# (total and busy), and of one process (utime + stime, or with children cutime + cstime too).
cpu_total() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
# Busy leaves out interrupt time: the loopback traffic of the benchmark itself is handled there.
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $9 }' /proc/stat; }
cpu_of() {
  local j=0 p v
  for p in $(tree "$1"); do
    v=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat" 2>/dev/null); j=$(( j + ${v:-0} ))
  done
  echo "$j"
}
# A shell and the children it has reaped (wrk, once it ended), leaving out the servers it started.
cpu_reaped() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"; }

declare -A RESULT
run_wrk() { # name, script, seconds, connections, [base url], [threads]
  local name=$1 script=$2 seconds=$3 connections=$4 url=${5:-$BASE} threads=${6:-$THREADS}
  local target=${SERVER_PID:-$CEILING_PID}
  local me=$BASHPID  # this shell: inside $(...) BASHPID is the subshell's
  local total0 busy0 server0 self0
  total0=$(cpu_total); busy0=$(cpu_busy); server0=$(cpu_of "$target"); self0=$(cpu_reaped "$me")
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s --latency -s "$LUA/$script" "$url" \
    >"$WORK/wrk-$name.txt" 2>&1
  # Busy CPU that was neither the server nor this wrk (in the login storm the other wrk counts: little).
  local others
  others=$(awk -v t="$(( $(cpu_total) - total0 ))" -v b="$(( $(cpu_busy) - busy0 ))" \
    -v s="$(( $(cpu_of "$target") - server0 ))" -v w="$(( $(cpu_reaped "$me") - self0 ))" \
    'BEGIN { o = (b - s - w) / t * 100; if (o < 0) o = 0; printf "%.0f", o }')
  RESULT[$name]="$(grep '^RESULT' "$WORK/wrk-$name.txt" | tail -1) other_cpu_pct=$others"
  echo "${RESULT[$name]}" >"$WORK/result-$name.txt"
  log "$name: ${RESULT[$name]#RESULT }"
}

if [[ $DATABASE == postgresql ]]; then
  . "$ROOT/bench/postgres.sh"
  exit 0
fi

# --- dataset -------------------------------------------------------------------------------------
rm -rf "$WORK" && mkdir -p "$WORK"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "generating $PRODUCTS products"
java -cp "$BENCH_JAR" dev.storefront.benchmarks.Dataset "$PRODUCTS" "$WORK/catalog.json"

log "seeding $USERS users (server at BCRYPT_COST=4: their hashes' cost does not matter to sessions)"
start_server BCRYPT_COST=4 DEMO_CATALOG=false
wait_health "$PORT" 60
# Into the database serve created (import-catalog never creates one); later starts find it full.
(cd "$WORK" && DATA_DIR="$WORK/data" java -jar "$JAR" import-catalog "$WORK/catalog.json" | tail -1)
java -cp "$BENCH_JAR" dev.storefront.benchmarks.Seeder users "$BASE" "$USERS" "$PRODUCTS" "$CART_SHARE" "$WORK"
stop_server

# --- the server under test: default settings -----------------------------------------------------
log "starting the server with default settings"
sync
T0=$(ms_now)
start_server
wait_health "$PORT" 60
STARTUP_MS=$(( $(ms_now) - T0 ))
sleep 2
RSS_IDLE=$(rss_mb "$SERVER_PID")
log "startup to first /health 200: ${STARTUP_MS} ms; RSS idle ${RSS_IDLE} MB"

log "registering $LOGIN_USERS login users at cost $BCRYPT_COST"
java -cp "$BENCH_JAR" dev.storefront.benchmarks.Seeder login-users "$BASE" "$LOGIN_USERS" "$WORK/login-users.txt"

CHECKOUT=0
if [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/checkout") != 404 ]]; then CHECKOUT=1; fi

log "warming up for ${WARMUP}s (mixed workload) and 10s of logins"
run_wrk warmup mixed.lua "$WARMUP" "$CONNECTIONS"
run_wrk warmup-login login.lua 10 "$LOGIN_CONNECTIONS"
RSS_WARM=$(rss_mb "$SERVER_PID")

run_wrk catalog catalog.lua "$DURATION" "$CONNECTIONS"
run_wrk product product.lua "$DURATION" "$CONNECTIONS"
run_wrk user user.lua "$DURATION" "$CONNECTIONS"
# Checkout before add to cart: the checkout scenario's users are the seeded ones, and the add-to-cart
# scenario grows their carts by some 18 lines each, which the first checkout of each would then
# carry (its orders are meant to be the seeded cart plus two products).
# The mixed warm-up never checks out: the checkout path gets its own warm-up first.
if [[ $CHECKOUT == 1 ]]; then
  run_wrk warmup-checkout checkout.lua 15 "$CHECKOUT_CONNECTIONS" "$BASE" "$CHECKOUT_CONNECTIONS"
  run_wrk checkout checkout.lua "$DURATION" "$CHECKOUT_CONNECTIONS" "$BASE" "$CHECKOUT_CONNECTIONS"
fi
run_wrk cart-add cart_add.lua "$DURATION" "$CONNECTIONS"

# RSS under load: sampled every 0.5 s during the mixed workload, the highest value kept.
(max=0; while kill -0 "$SERVER_PID" 2>/dev/null; do
   v=$(rss_mb "$SERVER_PID" 2>/dev/null || echo 0); (( v > max )) && max=$v && echo "$max" >"$WORK/rss-max"
   sleep 0.5; done) &
SAMPLER_PID=$!
run_wrk mixed mixed.lua "$DURATION" "$CONNECTIONS"
kill "$SAMPLER_PID"; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
RSS_LOAD=$(cat "$WORK/rss-max")

run_wrk login login.lua "$DURATION" "$LOGIN_CONNECTIONS"
# The login storm again, with shoppers browsing beside it (4 connections, 10 ms apart each).
run_wrk login-storm login.lua "$DURATION" "$LOGIN_CONNECTIONS" &
STORM_PID=$!
sleep 1
THREADS_SAVED=$THREADS; THREADS=1
run_wrk catalog-during-logins probe.lua $(( DURATION - 2 )) 4
THREADS=$THREADS_SAVED
wait "$STORM_PID"
# run_wrk in a subshell cannot fill RESULT: read the storm's line from its file.
RESULT[login-storm]=$(cat "$WORK/result-login-storm.txt")
stop_server

# Resident memory with lean JVM flags, for comparison with the defaults above (15 s warm, 15 s sampled).
log "memory with JVM_OPTIONS='$COMPARE_JVM_OPTIONS'"
start_server_flags() { (cd "$WORK" && exec env PORT="$PORT" HOST=127.0.0.1 DATA_DIR="$WORK/data" JVM_OPTIONS="$COMPARE_JVM_OPTIONS" java -jar "$JAR") \
    >>"$WORK/server.log" 2>&1 & SERVER_PID=$!; }
start_server_flags
wait_health "$PORT" 60
run_wrk lean-warmup mixed.lua 15 "$CONNECTIONS"
(max=0; while kill -0 "$SERVER_PID" 2>/dev/null; do
   v=$(rss_mb "$SERVER_PID" 2>/dev/null || echo 0); (( v > max )) && max=$v && echo "$max" >"$WORK/rss-lean-max"
   sleep 0.5; done) &
SAMPLER_PID=$!
run_wrk lean-mixed mixed.lua "$DURATION" "$CONNECTIONS"
kill "$SAMPLER_PID"; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
RSS_LEAN=$(cat "$WORK/rss-lean-max")
stop_server

# --- ceilings -----------------------------------------------------------------------------------
log "ceiling server: warm-up 30s, then ${DURATION}s"
java -cp "$BENCH_JAR" dev.storefront.benchmarks.CeilingServer "$CEILING_PORT" >"$WORK/ceiling.log" 2>&1 &
CEILING_PID=$!
wait_health "$CEILING_PORT" 30
run_wrk ceiling-warmup ceiling.lua 30 "$CONNECTIONS" "http://127.0.0.1:$CEILING_PORT"
run_wrk ceiling ceiling.lua "$DURATION" "$CONNECTIONS" "http://127.0.0.1:$CEILING_PORT"
kill "$CEILING_PID"; wait "$CEILING_PID" 2>/dev/null || true; CEILING_PID=""

log "bcrypt limit at cost $BCRYPT_COST"
java -cp "$BENCH_JAR" dev.storefront.benchmarks.BcryptLimit "$BCRYPT_COST" 10 >"$WORK/bcrypt.txt"
BCRYPT_MS=$(sed -n 's/^verify_ms=//p' "$WORK/bcrypt.txt")
BCRYPT_LIMIT=$(sed -n 's/^limit_per_s=//p' "$WORK/bcrypt.txt")
BCRYPT_PARALLEL=$(sed -n 's/^parallel_per_s=//p' "$WORK/bcrypt.txt")

# --- catalog query growth and the other microbenchmarks (JMH) --------------------------------------
JMH_CATALOG=""
if [[ "${BENCH_JMH:-1}" != 0 ]]; then
  log "JMH: catalog query at 1k/10k/100k products, JSON writing, session lookup"
  java -jar "$BENCH_JAR" 'CatalogQueryBenchmark|JsonWriteBenchmark|SessionLookupBenchmark' \
    >"$WORK/jmh.txt" 2>&1
  JMH_CATALOG=$(awk '/^Benchmark/ { on = 1 } on' "$WORK/jmh.txt" | grep -E "^Benchmark|avgt|p0.50 |p0.99 ")
fi

# --- report --------------------------------------------------------------------------------------
CEIL_RPS=$(field rps "${RESULT[ceiling]}")
row() { # name, label, ceiling, ceiling label, [measure: rps or orders_per_s]
  local r=${RESULT[$1]:-} measure=${5:-rps}
  [[ -z "$r" ]] && return
  printf '| %s | %s | %s | %s | %s | %s (%s) | **%s** | %s |\n' "$2" "$(field "$measure" "$r")" \
    "$(field p50_ms "$r")" "$(field p99_ms "$r")" "$(field errors "$r")" "$3" "$4" \
    "$(div "$(field "$measure" "$r")" "$3")" "$(field other_cpu_pct "$r")"
}
{
  echo "## Storefront benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Load: wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per scenario after ${WARMUP}s of warm-up; logins with -c$LOGIN_CONNECTIONS."
  echo "Load average when the run started: $LOAD_AT_START. *other CPU %*: the share of all CPU time that"
  echo "neither the server nor wrk used during the scenario — other work on the machine; above a few"
  echo "percent, that scenario's numbers are disturbed."
  echo "Dataset: $PRODUCTS products, $USERS users with sessions ($CART_SHARE with carts), $LOGIN_USERS login users at cost $BCRYPT_COST."
  echo
  echo "| scenario | req/s | p50 ms | p99 ms | errors | ceiling | ratio | other CPU % |"
  echo "|---|---:|---:|---:|---:|---|---:|---:|"
  row catalog "catalog page (filters)" "$CEIL_RPS" "Undertow+Jackson"
  row product "product detail" "$CEIL_RPS" "Undertow+Jackson"
  row user "current user (cookie)" "$CEIL_RPS" "Undertow+Jackson"
  row cart-add "add to cart" "$CEIL_RPS" "Undertow+Jackson"
  row checkout "checkout: orders/s (2 adds + checkout per order)" "2000" "target" orders_per_s
  row mixed "mixed workload" "$CEIL_RPS" "Undertow+Jackson"
  row login "login, cost $BCRYPT_COST" "$BCRYPT_LIMIT" "bcrypt limit"
  row login-storm "login storm, with shoppers" "$BCRYPT_LIMIT" "bcrypt limit"
  row catalog-during-logins "catalog during the storm" "$CEIL_RPS" "Undertow+Jackson"
  row lean-mixed "mixed workload, JVM_OPTIONS='$COMPARE_JVM_OPTIONS'" "$CEIL_RPS" "Undertow+Jackson"
  row ceiling "ceiling server" "$CEIL_RPS" "itself"
  echo
  echo "- bcrypt at cost $BCRYPT_COST: ${BCRYPT_MS} ms a verification → limit $(nproc) ÷ that = ${BCRYPT_LIMIT}/s (all cores at once measured ${BCRYPT_PARALLEL}/s)"
  echo "- startup to the first 200 on /health: ${STARTUP_MS} ms (JVM start included)"
  echo "- resident memory (VmRSS of the launcher and the server's JVM together), default settings: idle ${RSS_IDLE} MB after start, ${RSS_WARM} MB after warm-up, at most ${RSS_LOAD} MB during the mixed workload"
  echo "- resident memory with JVM_OPTIONS='$COMPARE_JVM_OPTIONS' (empty: one JVM with the JVM's own defaults): at most ${RSS_LEAN} MB during the mixed workload"
  if [[ $CHECKOUT == 0 ]]; then echo "- checkout: POST /api/checkout is not in this build (404); not measured"; fi
  if [[ -n "$JMH_CATALOG" ]]; then
    echo
    echo '```'
    echo "$JMH_CATALOG"
    echo '```'
  fi
} | tee "$WORK/results.md"
