# The PostgreSQL mode of the benchmark (bench/run.sh --postgres), sourced by bench/run.sh after its
# tools, build and helpers (run_wrk, wait_health, cpu_*); documented in docs/performance.md.
#
# Starts a throwaway PostgreSQL cluster (durable: fsync and synchronous_commit on, the defaults),
# seeds the same dataset as the SQLite mode through Storefront, then measures the catalog page, the
# checkout and add to cart against ONE Storefront instance and against TWO on the same database (wrk
# threads alternate between their ports, bench/lua/common.lua), and as the write ceiling pgbench
# running the same SQL as a checkout and an add to cart (bench/pgbench/*.sql) with the same number
# of clients; the catalog page's ceiling is the SQLite mode's CeilingServer. Prints the table and
# writes it to bench/work/results-postgres.md.

SECOND_PORT=${BENCH_SECOND_PORT:-$(( PORT + 2 ))}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" || ! -x "$PG_BIN/pgbench" ]]; then
  echo "bench: PostgreSQL is required for --postgres: apt-get install -y postgresql" >&2
  exit 1
fi
PG_DIR=""
PG_PID=""
PG_PORT=""
PG_DB=shop
PG_USER=storefront
INSTANCE_PIDS=()

as_cluster_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_cleanup() {
  stop_instances
  if [[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]]; then
    as_cluster_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$PG_DIR" ]]; then
    cp "$PG_DIR/postgres.log" "$WORK/postgres.log" 2>/dev/null || true
    rm -rf "$PG_DIR"
  fi
}
trap 'cleanup; pg_cleanup' EXIT

# A loopback port below 32768 (under Linux's ephemeral range) that nothing listens on.
free_port() {
  local port
  while true; do
    port=$(( 20000 + RANDOM % 12000 ))
    [[ -z $(ss -Htln "sport = :$port") ]] && { echo "$port"; return; }
  done
}

start_postgres() {
  PG_DIR=$(mktemp -d /tmp/storefront-bench-pg.XXXXXX)
  PG_PORT=$(free_port)
  PG_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
  chmod 700 "$PG_DIR"; chmod 600 "$PG_DIR/pwfile"
  [[ $(id -u) -eq 0 ]] && chown -R postgres: "$PG_DIR"
  as_cluster_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1
  # Two instances' pools (16 each, DATABASE_POOL_SIZE) and their listener connections, pgbench's
  # clients and psql; everything else stays at the defaults (fsync, synchronous_commit on).
  as_cluster_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR -c max_connections=100" \
    start >/dev/null
  PG_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
  as_cluster_owner "$PG_BIN/psql" -q -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v password="$PG_PASSWORD" <<'SQL'
CREATE ROLE storefront LOGIN PASSWORD :'password';
CREATE DATABASE shop OWNER storefront;
SQL
  export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER="$PG_USER" PGDATABASE="$PG_DB" PGPASSWORD="$PG_PASSWORD"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

shop_sql() { "$PG_BIN/psql" -qAt -v ON_ERROR_STOP=1 -c "$1"; }

start_instance() { # port, extra environment assignments...
  local port=$1; shift
  (cd "$WORK" && exec env PORT="$port" HOST=127.0.0.1 DATA_DIR="$WORK/data-$port" REGISTRATIONS_PER_HOUR=1000000 \
    DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" DATABASE_USER="$PG_USER" DATABASE_PASSWORD="$PG_PASSWORD" \
    "$@" java -jar "$JAR") >>"$WORK/server-$port.log" 2>&1 &
  INSTANCE_PIDS+=("$!")
}

stop_instances() {
  local pid
  for pid in "${INSTANCE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${INSTANCE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  INSTANCE_PIDS=()
}

# Each topology starts from the same state: no cart lines, fresh statistics.
# (The database's owner vacuums its own tables; the catalog's shared ones would each warn.)
reset_carts() {
  "$PG_BIN/psql" -qAt -v ON_ERROR_STOP=1 -c "DELETE FROM cart_line" -c "SET client_min_messages = error" -c "VACUUM ANALYZE"
}

# Runs a load (a command) and records beside its result line the CPU shares (of all CPU time) of
# the Storefront JVMs, PostgreSQL, the load tool itself (this shell's reaped children) and the rest.
declare -A CPU_SPLIT
with_cpu_split() { # name, command...
  local name=$1; shift
  local me=$BASHPID  # this shell: inside $(...) BASHPID is the subshell's
  local total0 busy0 sf0=0 pg0 self0 pid
  total0=$(cpu_total); busy0=$(cpu_busy); pg0=$(cpu_of "$PG_PID"); self0=$(cpu_reaped "$me")
  for pid in "${INSTANCE_PIDS[@]}"; do sf0=$(( sf0 + $(cpu_of "$pid") )); done
  "$@"
  local sf=0
  for pid in "${INSTANCE_PIDS[@]}"; do sf=$(( sf + $(cpu_of "$pid") )); done
  CPU_SPLIT[$name]=$(awk -v t="$(( $(cpu_total) - total0 ))" -v b="$(( $(cpu_busy) - busy0 ))" \
    -v s="$(( sf - sf0 ))" -v p="$(( $(cpu_of "$PG_PID") - pg0 ))" -v w="$(( $(cpu_reaped "$me") - self0 ))" \
    'BEGIN { if (w < 0) w = 0; o = b - s - p - w; if (o < 0) o = 0
             printf "storefront %.0f, postgres %.0f, load %.0f, other %.0f", s / t * 100, p / t * 100, w / t * 100, o / t * 100 }')
  log "$name CPU %: ${CPU_SPLIT[$name]}"
}

# pgbench with the script's variables; records tps, p50/p99 (from the per-transaction log) and the
# failed and retried transactions (deadlocks and serialisation failures are retried, as Storefront does).
declare -A PGBENCH
run_pgbench() { # name, script, clients, seconds
  local name=$1 script=$2 clients=$3 seconds=$4 out="$WORK/pgbench-$1"
  rm -f "$out".log*
  "$PG_BIN/pgbench" -n -M prepared -c "$clients" -j 2 -T "$seconds" --max-tries=10 -l --log-prefix="$out.log" \
    -D first_user="$FIRST_USER" -D users="$USERS" -D products="$PRODUCTS" -D clients="$clients" \
    -f "$ROOT/bench/pgbench/$script" >"$out.txt" 2>&1 || { cat "$out.txt" >&2; return 1; }
  local tps p50 p99 failed retried
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$out.txt")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out.txt")
  retried=$(sed -n 's/^number of transactions retried: \([0-9]*\).*/\1/p' "$out.txt")
  read -r p50 p99 < <(cat "$out".log* | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n | awk '{ v[NR] = $1 }
    END { printf "%.2f %.2f\n", v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }')
  rm -f "$out".log*
  PGBENCH[$name]="PGBENCH tps=$(printf '%.1f' "$tps") p50_ms=$p50 p99_ms=$p99 failed=${failed:-0} retried=${retried:-0}"
  log "$name: ${PGBENCH[$name]#PGBENCH }"
}

# A scenario whose server went away (on a shared machine, someone else's kill) measured nothing.
require_instances() { # scenario
  local pid
  for pid in "${INSTANCE_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "bench: a Storefront instance (pid $pid) stopped during $1; see $WORK/server-*.log" >&2; exit 1; }
  done
}

# One topology: the instances are up and warm; the scenarios in the SQLite mode's order.
run_scenarios() { # suffix (one or two)
  local s=$1
  with_cpu_split "catalog-$s" run_wrk "catalog-$s" catalog.lua "$DURATION" "$CONNECTIONS"
  require_instances "catalog-$s"
  run_wrk "warmup-checkout-$s" checkout.lua 15 "$CHECKOUT_CONNECTIONS" "$BASE" "$CHECKOUT_CONNECTIONS"
  with_cpu_split "checkout-$s" run_wrk "checkout-$s" checkout.lua "$DURATION" "$CHECKOUT_CONNECTIONS" "$BASE" "$CHECKOUT_CONNECTIONS"
  require_instances "checkout-$s"
  with_cpu_split "cart-add-$s" run_wrk "cart-add-$s" cart_add.lua "$DURATION" "$CONNECTIONS"
  require_instances "cart-add-$s"
}

# --- cluster and dataset ---------------------------------------------------------------------------
rm -rf "$WORK" && mkdir -p "$WORK"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
start_postgres
log "generating $PRODUCTS products"
java -cp "$BENCH_JAR" dev.storefront.benchmarks.Dataset "$PRODUCTS" "$WORK/catalog.json"
log "seeding $USERS users (server at BCRYPT_COST=4)"
start_instance "$PORT" BCRYPT_COST=4 DEMO_CATALOG=false
wait_health "$PORT" 60
(cd "$WORK" && DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" DATABASE_USER="$PG_USER" \
  DATABASE_PASSWORD="$PG_PASSWORD" DATA_DIR="$WORK/data-$PORT" java -jar "$JAR" import-catalog "$WORK/catalog.json" | tail -1)
java -cp "$BENCH_JAR" dev.storefront.benchmarks.Seeder users "$BASE" "$USERS" "$PRODUCTS" "$CART_SHARE" "$WORK"
stop_instances
FIRST_USER=$(shop_sql "SELECT min(id) FROM user_account")

# --- one instance, then two on the same database --------------------------------------------------
reset_carts
log "one instance: warm-up ${WARMUP}s (mixed workload)"
start_instance "$PORT"
wait_health "$PORT" 60
run_wrk warmup-one mixed.lua "$WARMUP" "$CONNECTIONS"
require_instances warmup-one
run_scenarios one
stop_instances

reset_carts
log "two instances (ports $PORT and $SECOND_PORT): warm-up ${WARMUP}s (mixed workload)"
start_instance "$PORT"
start_instance "$SECOND_PORT"
wait_health "$PORT" 60
wait_health "$SECOND_PORT" 60
export BENCH_TARGETS="127.0.0.1:$PORT,127.0.0.1:$SECOND_PORT"
run_wrk warmup-two mixed.lua "$WARMUP" "$CONNECTIONS"
require_instances warmup-two
run_scenarios two
unset BENCH_TARGETS
stop_instances

# --- ceilings: pgbench on the same database, the CeilingServer for the catalog page ----------------
reset_carts
log "pgbench: the checkout's SQL with $CHECKOUT_CONNECTIONS clients, the add to cart's with $CONNECTIONS (10 s warm-up each)"
run_pgbench warmup-checkout checkout.sql "$CHECKOUT_CONNECTIONS" 10
with_cpu_split pgbench-checkout run_pgbench pgbench-checkout checkout.sql "$CHECKOUT_CONNECTIONS" "$DURATION"
run_pgbench warmup-cart-add cart_add.sql "$CONNECTIONS" 10
with_cpu_split pgbench-cart-add run_pgbench pgbench-cart-add cart_add.sql "$CONNECTIONS" "$DURATION"

log "ceiling server: warm-up 30s, then ${DURATION}s"
java -cp "$BENCH_JAR" dev.storefront.benchmarks.CeilingServer "$CEILING_PORT" >"$WORK/ceiling.log" 2>&1 &
CEILING_PID=$!
wait_health "$CEILING_PORT" 30
run_wrk ceiling-warmup ceiling.lua 30 "$CONNECTIONS" "http://127.0.0.1:$CEILING_PORT"
run_wrk ceiling ceiling.lua "$DURATION" "$CONNECTIONS" "http://127.0.0.1:$CEILING_PORT"
kill "$CEILING_PID"; wait "$CEILING_PID" 2>/dev/null || true; CEILING_PID=""

# What the database saw: lost races and their retries.
PG_LOG="$PG_DIR/postgres.log"
DEADLOCKS=$(grep -c 'deadlock detected' "$PG_LOG" || true)
SERIALIZATION=$(grep -c 'could not serialize access' "$PG_LOG" || true)
PG_ERRORS=$(grep -c 'ERROR:' "$PG_LOG" || true)
SERVER_WARNINGS=$(cat "$WORK"/server-*.log | grep -c ' WARNING \| SEVERE \| ERROR ' || true)

# --- report ----------------------------------------------------------------------------------------
CEIL_RPS=$(field rps "${RESULT[ceiling]}")
pg_row() { # scenario, label, measure (rps or orders_per_s), ceiling, ceiling label
  local one=${RESULT[$1-one]} two=${RESULT[$1-two]} m=$3
  printf '| %s | %s | %s / %s | %s | %s | %s / %s | %s | %s (%s) | **%s** / **%s** | %s | %s | %s |\n' "$2" \
    "$(field "$m" "$one")" "$(field p50_ms "$one")" "$(field p99_ms "$one")" "$(field errors "$one")" \
    "$(field "$m" "$two")" "$(field p50_ms "$two")" "$(field p99_ms "$two")" "$(field errors "$two")" \
    "$4" "$5" "$(div "$(field "$m" "$one")" "$4")" "$(div "$(field "$m" "$two")" "$4")" \
    "$(div "$(field "$m" "$two")" "$(field "$m" "$one")")" "${CPU_SPLIT[$1-one]}" "${CPU_SPLIT[$1-two]}"
}
{
  echo "## Storefront benchmark on PostgreSQL, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') (fsync and synchronous_commit on, max_connections 100, the rest default)."
  echo "The Storefront JVMs, PostgreSQL, wrk and pgbench share these $(nproc) cores: two instances are two JVMs on the same cores, not twice the machine."
  echo "Load: wrk -t$THREADS -c$CONNECTIONS (checkout -t$CHECKOUT_CONNECTIONS -c$CHECKOUT_CONNECTIONS), ${DURATION}s per scenario after ${WARMUP}s of warm-up per topology; two instances: wrk threads alternate between the ports."
  echo "Load average when the run started: $LOAD_AT_START. Dataset: $PRODUCTS products, $USERS users with sessions, carts emptied before each topology."
  echo
  echo "| scenario | one: req/s | p50 / p99 ms | errors | two: req/s | p50 / p99 ms | errors | ceiling | ratio one / two | two ÷ one | CPU % one | CPU % two |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|"
  pg_row catalog "catalog page (filters)" rps "$CEIL_RPS" "Undertow+Jackson"
  pg_row checkout "checkout: orders/s (2 adds + checkout per order)" orders_per_s "$(field tps "${PGBENCH[pgbench-checkout]}")" "pgbench, $CHECKOUT_CONNECTIONS clients"
  pg_row cart-add "add to cart" rps "$(field tps "${PGBENCH[pgbench-cart-add]}")" "pgbench, $CONNECTIONS clients"
  echo
  echo "- pgbench model of an order (bench/pgbench/checkout.sql, $CHECKOUT_CONNECTIONS clients, -M prepared): ${PGBENCH[pgbench-checkout]#PGBENCH }; CPU % ${CPU_SPLIT[pgbench-checkout]}"
  echo "- pgbench model of an add to cart (bench/pgbench/cart_add.sql, $CONNECTIONS clients): ${PGBENCH[pgbench-cart-add]#PGBENCH }; CPU % ${CPU_SPLIT[pgbench-cart-add]}"
  echo "- ceiling server: $(field rps "${RESULT[ceiling]}") req/s, p99 $(field p99_ms "${RESULT[ceiling]}") ms"
  echo "- PostgreSQL log: $DEADLOCKS 'deadlock detected', $SERIALIZATION 'could not serialize access', $PG_ERRORS ERROR lines in all; Storefront logs: $SERVER_WARNINGS lines at WARNING or above (a 5xx answer counts in *errors*)"
  echo "- CPU %: shares of all CPU time during the scenario — storefront (the JVMs, launchers included), postgres (all backends), load (wrk or pgbench), other (the rest of the machine)"
} | tee "$WORK/results-postgres.md"
