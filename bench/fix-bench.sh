#!/usr/bin/env bash
# Data-fix throughput benchmark on PostgreSQL (see bench/RESULTS.md).
#
#   bench/fix-bench.sh [N]          N = rows to seed and change (default 1000000)
#
# It creates a dedicated database (dropped and recreated on every run, owned by a role it creates when missing, so
# no other database is touched), seeds bench_orders with N rows in PROCESSING, then
#   1. dry-run    ./opsbatch fix bench-reset              (plans N changes)
#   2. approve    ./opsbatch approve <plan>               (self-approval, allowed in this environment)
#   3. execute    ./opsbatch fix bench-reset --execute    (N compare-and-set updates + N audit records)
#   4. sql        the same change as ONE set-based UPDATE in psql, on a fresh copy of the table
# and prints wall time, rows/s, the ratio to the SQL UPDATE, the JVM's peak RSS and heap, the job's own duration
# from BATCH_JOB_EXECUTION and the per-step durations from BATCH_STEP_EXECUTION, then checks correctness.
#
# Environment (all optional):
#   BENCH_PGHOST / BENCH_PGPORT / BENCH_PGSUPER   server and superuser      (127.0.0.1 / 5432 / postgres)
#   BENCH_DB / BENCH_ROLE                          database and its owner    (opsbatch_bench / opsbatch_bench)
#   BENCH_HEAP                                     JVM heap option            (-Xmx512m)
#   BENCH_EXTRA_OPTS                               more JVM options, e.g. -Dopsbatch.chunk-size=5000
#   BENCH_WORK                                     logs, GC logs, results.json (/tmp/opsbatch-bench-<N>)
#   BENCH_SAMPLE=0                                 no samplers (pg_stat_activity + backend CPU each second)
#   BENCH_JSTACK_SECONDS                           jstack period of the main thread, 0 = off (30; each costs ~1 CPU s)
#   BENCH_QUIET_WAIT / BENCH_QUIET_CPU             before each timed phase wait up to 600 s for the machine to be
#                                                  less than 0.25 CPUs busy (other work distorts the numbers)
#   BENCH_ANALYZE=1                                ANALYZE the platform tables between dry-run and execute (untimed)
#   BENCH_USE_LAUNCHER=1                           run ./opsbatch itself instead of a snapshot of its jar
#   BENCH_JAR                                      the jar to snapshot                 (jobs/target/opsbatch.jar)
#   BENCH_KEEP_RESULTS=1                           keep the runs' results.json (they are large) in BENCH_WORK
#
# Needs: psql, java 17, /usr/bin/time (apt-get install time), jq, awk; jstack for the samples.
set -euo pipefail

N="${1:-1000000}"
if [[ ! "$N" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [N]   (N = number of rows, a positive integer; default 1000000)" >&2
  exit 2
fi

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$bench_dir/.." && pwd)"
PGHOST_="${BENCH_PGHOST:-127.0.0.1}"
PGPORT_="${BENCH_PGPORT:-5432}"
PGSUPER="${BENCH_PGSUPER:-postgres}"
DB="${BENCH_DB:-opsbatch_bench}"
ROLE="${BENCH_ROLE:-opsbatch_bench}"
HEAP="${BENCH_HEAP:--Xmx512m}"
EXTRA_OPTS="${BENCH_EXTRA_OPTS:-}"
WORK="${BENCH_WORK:-${TMPDIR:-/tmp}/opsbatch-bench-$N}"
SAMPLE="${BENCH_SAMPLE:-1}"
JSTACK_SECONDS="${BENCH_JSTACK_SECONDS:-30}"
AS_USER="bench"
FIX_ID="bench-reset"
FIX_DIR="$bench_dir/fixes"

# The database is dropped on every run: refuse anything that does not look like a benchmark database.
if [[ ! "$DB" =~ ^[a-z_][a-z0-9_]*bench[a-z0-9_]*$ || ! "$ROLE" =~ ^[a-z_][a-z0-9_]*$ ]]; then
  echo "refusing: BENCH_DB must be a plain lower-case name containing 'bench' (it is dropped), got '$DB'" >&2
  exit 2
fi
for path in "$home" "$WORK"; do
  if [[ "$path" =~ [[:space:]] ]]; then
    echo "refusing: '$path' contains white space (the launcher splits OPSBATCH_JAVA_OPTS on it)" >&2
    exit 2
  fi
done
for tool in psql java jq awk; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
if [[ ! -x /usr/bin/time ]]; then
  echo "missing /usr/bin/time: install it with  apt-get install -y time" >&2
  exit 2
fi

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# psql as the superuser (maintenance) and as the bench role in the bench database.
export PGOPTIONS="-c client_min_messages=warning"
psql_super() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$PGSUPER" "$@"; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$ROLE" -d "$DB" "$@"; }
q() { psql_bench -At -c "$1"; }

rm -rf "$WORK"
mkdir -p "$WORK/runs"

# ---------------------------------------------------------------------------------------------------------------
# The application: a snapshot of the launcher's jar (a concurrent `mvn install` cannot swap it under a running
# JVM), run with exactly the launcher's command line; BENCH_USE_LAUNCHER=1 runs ./opsbatch itself.
jar="${BENCH_JAR:-$home/jobs/target/opsbatch.jar}"
if [[ ! -f "$jar" ]]; then
  log "building opsbatch (mvn -B -q -DskipTests install)"
  (cd "$home" && mvn -B -q -DskipTests install >&2)
fi
if [[ "${BENCH_USE_LAUNCHER:-0}" == 1 ]]; then
  app=("$home/opsbatch")
else
  cp "$jar" "$WORK/opsbatch.jar"
  app=(java @JAVA_OPTS@ -Dopsbatch.home="$home" -jar "$WORK/opsbatch.jar"
    --spring.config.additional-location="optional:file:$home/config/")
fi
jar_sha="$(sha256sum "$jar" | cut -c1-12)"

# What the app reads: the platform DB (and store 'app', which is the platform DB when APP_DB_URL is empty).
unset APP_DB_URL APP_DB_USER APP_DB_PASSWORD DB_PASSWORD SPRING_PROFILES_ACTIVE OPSBATCH_ENVIRONMENT OPSBATCH_USER
export OPSBATCH_SELF_APPROVAL=true OPSBATCH_DEMO=false
export DB_ENDPOINT="$PGHOST_" DB_PORT="$PGPORT_" DB_NAME="$DB" DB_USER="$ROLE"

# ---------------------------------------------------------------------------------------------------------------
# Machine
machine() {
  local mem cpu pgver javaver
  mem="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  cpu="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  pgver="$(psql_super -At -d postgres -c 'SHOW server_version')"
  javaver="$(java -version 2>&1 | head -1)"
  echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine:     nproc=$(nproc), $cpu, memory $mem, kernel $(uname -r)"
  echo "postgresql:  $pgver; $(psql_super -At -d postgres -c "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('autovacuum', 'shared_buffers', 'max_wal_size', 'synchronous_commit', 'work_mem', 'checkpoint_timeout')")"
  echo "java:        $javaver"
  echo "opsbatch:    jar $jar (sha256 $jar_sha, built $(date -u -r "$jar" +%Y-%m-%dT%H:%M:%SZ)); git HEAD $(git -C "$home" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "load:        $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the run"
}
machine | tee "$WORK/machine.txt" >&2

# ---------------------------------------------------------------------------------------------------------------
# Samplers while a JVM phase runs: every second the CPU time of this database's backends (/proc) and what they do
# (pg_stat_activity); every JSTACK_SECONDS a jstack of the JVM's main thread. Together they cost ~0.05 CPU/s,
# except jstack (a JVM start each time).
clk_tck="$(getconf CLK_TCK)"
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
# What this database's sessions do, once a second (psql \watch in one session).
ACTIVITY_SQL="SELECT CASE WHEN state = 'active' THEN 'active:' || coalesce(wait_event_type || '/' || wait_event, 'CPU') ELSE state END, regexp_replace(left(query, 90), '\s+', ' ', 'g') FROM pg_stat_activity WHERE datname = '$DB' AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'"
sample_db() { # <phase> <watched pid>
  local phase="$1" watched="$2" tick=0 jpid pids
  while kill -0 "$watched" 2>/dev/null; do
    pids="$(pgrep -d ' ' -f "^postgres: .*: $ROLE $DB " || true)"
    if [[ -n "$pids" ]]; then
      # and the parallel workers of those backends
      pids="$pids $(pgrep -d ' ' -f "^postgres: .*: parallel worker for PID (${pids// /|})( |\$)" || true)"
      # shellcheck disable=SC2046
      awk '{ pid = FILENAME; gsub(/[^0-9]/, "", pid); sub(/^.*\) /, ""); print pid, $12 + $13 }' \
        $(printf '/proc/%s/stat ' $pids) 2>/dev/null >>"$WORK/$phase.pgcpu" || true
    fi
    if [[ "$JSTACK_SECONDS" != 0 ]] && (( tick > 0 && tick % JSTACK_SECONDS == 0 )) && command -v jstack >/dev/null; then
      jpid="$(pgrep -P "$watched" java 2>/dev/null | head -1 || true)"
      if [[ -n "$jpid" ]]; then
        { echo "=== sample $tick"; jstack "$jpid" 2>/dev/null | awk '/^"main"/ { on = 1 } on && /^$/ { exit } on'; } >>"$WORK/$phase.jstack" || true
      fi
    fi
    sleep 1
    tick=$((tick + 1))
  done
}

# Other work on the machine distorts every number here (2 CPUs): before each timed phase wait, up to
# BENCH_QUIET_WAIT seconds, for a 5-second window in which the machine is less than BENCH_QUIET_CPU busy.
QUIET_WAIT="${BENCH_QUIET_WAIT:-600}"
QUIET_CPU="${BENCH_QUIET_CPU:-0.25}"
wait_quiet() { # <phase>
  local waited=0 a b
  while :; do
    a="$(busy_ticks)"; sleep 5; b="$(busy_ticks)"
    if awk -v d="$((b - a))" -v hz="$clk_tck" -v max="$QUIET_CPU" 'BEGIN { exit !(d / hz / 5 < max) }'; then
      break
    fi
    waited=$((waited + 5))
    if (( waited >= QUIET_WAIT )); then
      log "$1: the machine is still busy after ${waited}s ($(cut -d' ' -f1 /proc/loadavg) load); measuring anyway"
      break
    fi
  done
  (( waited == 0 )) || log "$1: waited ${waited}s for other work on the machine to finish"
  echo "$waited" >"$WORK/$1.waited"
}

# run_app <phase> <opsbatch arguments...>: runs the JVM under /usr/bin/time -v, output in $WORK/<phase>.json|err
run_app() {
  local phase="$1"; shift
  local opts="$HEAP -Xlog:gc:file=$WORK/$phase.gc.log $EXTRA_OPTS"
  local cmd=()
  for part in "${app[@]}"; do
    if [[ "$part" == "@JAVA_OPTS@" ]]; then
      read -r -a split <<<"$opts"
      cmd+=("${split[@]}")
    else
      cmd+=("$part")
    fi
  done
  psql_super -d "$DB" -c "CHECKPOINT"
  [[ "$phase" == init || "$phase" == approve ]] || wait_quiet "$phase"
  log "$phase: opsbatch $*"
  local t0 rc=0
  busy_start="$(busy_ticks)"
  t0="$(now)"
  OPSBATCH_JAVA_OPTS="$opts" /usr/bin/time -v -o "$WORK/$phase.time" "${cmd[@]}" "$@" --json --as "$AS_USER" \
    --spring.profiles.active=postgres --opsbatch.fixes.directory="$FIX_DIR" --opsbatch.runs-directory="$WORK/runs" \
    >"$WORK/$phase.json" 2>"$WORK/$phase.err" &
  local pid=$!
  local sampler="" watcher=""
  if [[ "$SAMPLE" != 0 ]]; then
    sample_db "$phase" "$pid" &
    sampler=$!
    # psql itself in the background (not a function or pipeline), so that $! is the process to stop afterwards
    psql -X -q -h "$PGHOST_" -p "$PGPORT_" -U "$PGSUPER" -d "$DB" -At -F ' | ' -P pager=off \
      -f <(printf '%s\n' "$ACTIVITY_SQL" '\watch 1') >>"$WORK/$phase.pgact" 2>/dev/null &
    watcher=$!
  fi
  wait "$pid" || rc=$?
  [[ -z "$sampler" ]] || wait "$sampler" || true
  [[ -z "$watcher" ]] || kill "$watcher" 2>/dev/null || true
  eval "${phase}_s=$(secs "$t0" "$(now)")"
  echo "$busy_start $(busy_ticks)" >"$WORK/$phase.busy"
  if (( rc != 0 )); then
    log "$phase failed with exit code $rc; output in $WORK/$phase.json and $WORK/$phase.err:"
    tail -20 "$WORK/$phase.err" >&2
    jq -c 'del(.environment, .items)' "$WORK/$phase.json" >&2 || cat "$WORK/$phase.json" >&2
    exit "$rc"
  fi
}

# All CPUs' busy time (/proc/stat): tells whether something besides this JVM and its backends used the machine.
# CPU used by everything else (other processes, PG background, kernel) during a JVM phase, per wall second.
other_cpu() { # <phase> <wall seconds>
  awk -v all="$(machine_cpu_s "$1")" -v jvm="$(cpu_s "$1")" -v pg="$(pg_cpu_s "$1")" -v wall="$2" \
    'BEGIN { o = all - jvm - (pg == "-" ? 0 : pg); if (o < 0) o = 0;
             printf "%.0f CPU s (%.2f CPUs on average)%s", o, o / wall, (o / wall > 0.2) ? " - DISTURBED, numbers are pessimistic" : " - quiet" }'
}
machine_cpu_s() { awk -v hz="$clk_tck" '{ printf "%.1f", ($2 - $1) / hz }' "$WORK/$1.busy"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$1.time"; }
cpu_s() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$WORK/$1.time"; }
pg_cpu_s() { # CPU seconds of this database's backends during the phase (max per backend pid)
  [[ -s "$WORK/$1.pgcpu" ]] || { echo "-"; return; }
  awk -v hz="$clk_tck" '{ if ($2 > m[$1]) m[$1] = $2 } END { for (p in m) s += m[p]; printf "%.1f", s / hz }' "$WORK/$1.pgcpu"
}
# Heap from the GC log: the largest occupancy after a GC (what stays live) and the largest committed size.
heap_after_mb() {
  awk 'function mb(v) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0;
         return (u == "K") ? n / 1024 : (u == "G") ? n * 1024 : n }
       match($0, /[0-9]+[KMG]->[0-9]+[KMG]\([0-9]+[KMG]\)/) {
         split(substr($0, RSTART, RLENGTH), p, /->|\(|\)/); a = mb(p[2]); c = mb(p[3]);
         if (a > ma) ma = a; if (c > mc) mc = c; n++ }
       END { if (n) printf "%.0f/%.0f", ma, mc; else printf "-" }' "$WORK/$1.gc.log"
}
full_gcs() { grep -c 'Pause Full' "$WORK/$1.gc.log" || true; }

# ---------------------------------------------------------------------------------------------------------------
# Database, table, fix file
seed_table() {
  psql_bench -c "DROP TABLE IF EXISTS bench_orders" \
    -c "CREATE TABLE bench_orders (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL, updated_at TIMESTAMP NOT NULL)" \
    -c "INSERT INTO bench_orders (id, status, updated_at)
        SELECT g, 'PROCESSING', TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 millisecond'
        FROM generate_series(1, $N) AS g" \
    -c "VACUUM ANALYZE bench_orders"
}

log "recreating database $DB (owner $ROLE)"
psql_super -d postgres \
  -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN CREATE ROLE $ROLE LOGIN; END IF; END \$\$" \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
  -c "CREATE DATABASE $DB OWNER $ROLE"

# Flyway creates the platform tables (BATCH_*, ops_*) on the first start; it refuses a non-empty schema without its
# history table, so the platform is set up before the bench table exists (as in a real deployment).
run_app init plans

log "seeding $N rows"
t0="$(now)"
seed_table
seed_s="$(secs "$t0" "$(now)")"

mkdir -p "$FIX_DIR"
cat >"$FIX_DIR/$FIX_ID.yml" <<'EOF'
# Benchmark fix, written by bench/fix-bench.sh: every PROCESSING bench order back to PENDING.
# Equivalent SQL: UPDATE bench_orders SET status = 'PENDING', updated_at = now() WHERE status = 'PROCESSING'
description: Benchmark - put every PROCESSING bench order back to PENDING
ticket: BENCH-1
store: app
table: bench_orders
key: [id]
action: update
where: "status = 'PROCESSING'"
set:
  status: PENDING
  updated_at: ${now}
EOF


# ---------------------------------------------------------------------------------------------------------------
# 1-3: dry-run, approve, execute
run_app dryrun fix "$FIX_ID"
plan="$(jq -r .plan "$WORK/dryrun.json")"
dry_run_id="$(jq -r .run "$WORK/dryrun.json")"
affected="$(jq -r .affected "$WORK/dryrun.json")"

if [[ "${BENCH_ANALYZE:-0}" == 1 ]]; then
  # What autovacuum would have done by the time a plan is approved (the server may run with autovacuum off).
  log "ANALYZE of the platform tables (BENCH_ANALYZE=1, not timed)"
  psql_bench -c "ANALYZE ops_plan_item" -c "ANALYZE ops_audit" -c "ANALYZE bench_orders"
fi

run_app approve approve "$plan" --comment "benchmark run"

run_app execute fix "$FIX_ID" --execute --plan "$plan"
exec_run_id="$(jq -r .run "$WORK/execute.json")"
applied_json="$(jq -r .applied "$WORK/execute.json")"
conflicts_json="$(jq -r .conflicts "$WORK/execute.json")"

# The jobs' own start/end (BATCH_JOB_EXECUTION) and the steps (BATCH_STEP_EXECUTION).
job_s() { q "SELECT round(extract(epoch FROM end_time - start_time)::numeric, 3) FROM batch_job_execution WHERE job_execution_id = $1"; }
dry_job_s="$(job_s "$dry_run_id")"
exec_job_s="$(job_s "$exec_run_id")"
steps="$(psql_bench -P footer=off -c "
  SELECT e.job_execution_id AS run, s.step_name AS step,
         round(extract(epoch FROM s.end_time - s.start_time)::numeric, 2) AS seconds,
         s.read_count AS read, s.write_count AS written, s.commit_count AS commits, s.status
  FROM batch_step_execution s JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
  WHERE e.job_execution_id IN ($dry_run_id, $exec_run_id) ORDER BY s.step_execution_id")"
# results.json is written by a job listener after the job's end_time: how long after, and how big.
results_lag() { # <run id>
  local file="$WORK/runs/$1/results.json"
  [[ -f "$file" ]] || { echo "- (no file)"; return; }
  local end mtime size
  end="$(q "SELECT extract(epoch FROM end_time) FROM batch_job_execution WHERE job_execution_id = $1")"
  mtime="$(stat -c '%.3Y' "$file")"
  size="$(stat -c '%s' "$file")"
  awk -v e="$end" -v m="$mtime" -v s="$size" 'BEGIN { printf "written %.1f s after the job end, %.0f MB", m - e, s / 1048576 }'
}
dry_results="$(results_lag "$dry_run_id")"
exec_results="$(results_lag "$exec_run_id")"

# Correctness, before the SQL phase replaces the table.
pending="$(q "SELECT count(*) FROM bench_orders WHERE status = 'PENDING'")"
audit_applied="$(q "SELECT count(*) FROM ops_audit WHERE outcome = 'applied'")"
audit_applied_run="$(q "SELECT count(*) FROM ops_audit WHERE outcome = 'applied' AND run_id = $exec_run_id")"
plan_status="$(q "SELECT status FROM ops_plan WHERE id = '$plan'")"
db_size="$(q "SELECT pg_size_pretty(pg_database_size('$DB'))")"
table_sizes="$(q "SELECT string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)), ', ' ORDER BY relname) FROM pg_class WHERE relname IN ('bench_orders', 'ops_plan_item', 'ops_audit')")"
if [[ "${BENCH_KEEP_RESULTS:-0}" != 1 ]]; then
  rm -f "$WORK/runs/$dry_run_id/results.json" "$WORK/runs/$exec_run_id/results.json"
fi

# ---------------------------------------------------------------------------------------------------------------
# 4: the same change as one set-based UPDATE, on a fresh copy of the table
log "sql: fresh copy of bench_orders ($N rows), then one UPDATE"
seed_table
psql_super -d "$DB" -c "CHECKPOINT"
wait_quiet sql
busy_start="$(busy_ticks)"
sql_out="$(psql_bench <<'EOF'
\timing on
UPDATE bench_orders SET status = 'PENDING', updated_at = now() WHERE status = 'PROCESSING';
EOF
)"
sql_ms="$(awk '/^Time: / { print $2 }' <<<"$sql_out")"
sql_s="$(awk -v ms="$sql_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
echo "$busy_start $(busy_ticks)" >"$WORK/sql.busy"
sql_rows="$(q "SELECT count(*) FROM bench_orders WHERE status = 'PENDING'")"

# ---------------------------------------------------------------------------------------------------------------
# Report
row() { # phase seconds [rss_mb heap jvm_cpu pg_cpu machine_cpu]
  awk -v p="$1" -v s="$2" -v n="$N" -v sql="$sql_s" -v r="${3:--}" -v h="${4:--}" -v c="${5:--}" -v g="${6:--}" \
    -v m="${7:--}" 'BEGIN { printf "| %-36s | %9.2f | %10.0f | %7.2fx | %6s | %11s | %7s | %6s | %7s |\n", p, s, n / s, s / sql, r, h, c, g, m }'
}
jvm_row() { # label phase
  row "$1" "$(eval echo "\$${2}_s")" "$(rss_mb "$2")" "$(heap_after_mb "$2")" "$(cpu_s "$2")" "$(pg_cpu_s "$2")" "$(machine_cpu_s "$2")"
}
{
  echo
  echo "== opsbatch fix benchmark, N=$N rows, heap $HEAP${EXTRA_OPTS:+, $EXTRA_OPTS}$([[ "${BENCH_ANALYZE:-0}" == 1 ]] && echo ', ANALYZE before execute') =="
  cat "$WORK/machine.txt"
  echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| phase                                |   seconds |     rows/s |   vs SQL | RSS MB | heap MB a/c | JVM cpu | PG cpu | all cpu |"
  echo "|--------------------------------------|-----------|------------|----------|--------|-------------|---------|--------|---------|"
  row "seed (psql INSERT + VACUUM ANALYZE)" "$seed_s"
  jvm_row "dry-run, wall (JVM start to exit)" dryrun
  row "dry-run, job (BATCH_JOB_EXECUTION)" "$dry_job_s"
  jvm_row "approve, wall" approve
  jvm_row "execute, wall (JVM start to exit)" execute
  row "execute, job (BATCH_JOB_EXECUTION)" "$exec_job_s"
  row "SQL: one set-based UPDATE" "$sql_s" - - - - "$(machine_cpu_s sql)"
  echo
  echo "heap MB a/c = largest heap occupancy after a GC / largest committed heap (GC log); full GCs: dry-run $(full_gcs dryrun), execute $(full_gcs execute)"
  echo "JVM cpu = user+sys seconds of the JVM; PG cpu = CPU seconds of this database's backends (sampled each second);"
  echo "all cpu = busy CPU seconds of the whole machine ($(nproc) CPUs) during the phase: much more than JVM + PG means other load"
  echo "other load during the dry-run: $(other_cpu dryrun "$dryrun_s"); during the execute: $(other_cpu execute "$execute_s")"
  echo "waited for a quiet machine before: dry-run $(cat "$WORK/dryrun.waited")s, execute $(cat "$WORK/execute.waited")s, sql $(cat "$WORK/sql.waited")s"
  echo
  echo "target execute <= 4x SQL: wall $(awk -v a="$execute_s" -v b="$sql_s" 'BEGIN { printf "%.1fx (%s)", a / b, (a <= 4 * b) ? "MET" : "MISSED" }'), job $(awk -v a="$exec_job_s" -v b="$sql_s" 'BEGIN { printf "%.1fx (%s)", a / b, (a <= 4 * b) ? "MET" : "MISSED" }')"
  echo
  echo "steps (BATCH_STEP_EXECUTION), dry-run run $dry_run_id and execute run $exec_run_id:"
  echo "$steps"
  echo
  echo "results.json: dry-run $dry_results; execute $exec_results"
  echo "sizes after execute: database $db_size; $table_sizes"
  echo
  for phase in dryrun execute; do
    if [[ -s "$WORK/$phase.pgact" ]]; then
      echo "$phase: pg_stat_activity samples of non-idle sessions (1/s), most frequent first:"
      sort "$WORK/$phase.pgact" | uniq -c | sort -rn | head -8 | sed 's/^/  /'
    fi
    if [[ -s "$WORK/$phase.jstack" ]]; then
      echo "$phase: jstack samples of the main thread (every ${JSTACK_SECONDS}s), first application frame:"
      awk '/^=== sample/ { if (f != "") c[f]++; f = ""; io = 0; next }
           f == "" && /^\tat .*(SocketDispatcher\.read|NioSocketImpl\.read|socketRead)/ { io = 1 }
           f == "" && /^\tat (io\.opsbatch|org\.postgresql\.jdbc\.PgPreparedStatement|org\.springframework\.jdbc\.core\.JdbcTemplate\.(batchUpdate|query))/ { f = (io ? "[waits for PG] " : "[in JVM] ") $2 }
           END { if (f != "") c[f]++; for (k in c) printf "  %4d  %s\n", c[k], k }' "$WORK/$phase.jstack" | sort -rn | head -8
    fi
  done
  echo
  echo "checks:"
  ok=1
  check() { if [[ "$2" == "$3" ]]; then echo "  ok    $1 = $2"; else echo "  FAIL  $1 = $2, expected $3"; ok=0; fi; }
  check "dry-run affected" "$affected" "$N"
  check "execute applied (CLI)" "$applied_json" "$N"
  check "execute conflicts (CLI)" "$conflicts_json" "0"
  check "bench_orders PENDING after execute" "$pending" "$N"
  check "ops_audit outcome=applied" "$audit_applied" "$N"
  check "ops_audit outcome=applied of run $exec_run_id" "$audit_applied_run" "$N"
  check "plan status" "$plan_status" "EXECUTED"
  check "SQL UPDATE rows PENDING" "$sql_rows" "$N"
  echo
  echo "logs: $WORK"
} | tee "$WORK/summary.txt"
grep -q '^  FAIL' "$WORK/summary.txt" && exit 1
exit 0
