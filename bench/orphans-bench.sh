#!/usr/bin/env bash
# Orphan scan benchmark on PostgreSQL (see bench/RESULTS-orphans.md).
#
#   bench/orphans-bench.sh [CHILDREN] [PARENTS] [ORPHANS]     defaults 10000000 1000000 1000
#
# Creates a dedicated database (dropped and recreated on every run), seeds bench_parent with PARENTS rows and
# bench_child with CHILDREN rows of which ORPHANS refer to no parent, then times
#   1. sql        the bare anti-join in psql: SELECT count(*) ... WHERE NOT EXISTS (...)   (best of 3)
#   2. pushdown   ./opsbatch orphans scan                        (job time from BATCH_JOB_EXECUTION, and the command)
#   3. streaming  ./opsbatch orphans scan --strategy streaming   (both sides merged in the JVM)
# and prints the ratio of the job to the bare query, and the JVM's peak RSS (memory flat in N: run it with two N).
# The JVM runs a snapshot copy of the built jar, so a rebuild during the run does not disturb it.
#
# Environment: BENCH_PGHOST/BENCH_PGPORT/BENCH_PGSUPER (127.0.0.1/5432/postgres), BENCH_DB (opsbatch_bench_orphans),
# BENCH_ROLE (opsbatch_test), BENCH_HEAP (-Xmx512m), BENCH_WORK (/tmp/opsbatch-orphans-bench-<CHILDREN>).
# Needs: psql, java 17, /usr/bin/time.
set -euo pipefail

CHILDREN="${1:-10000000}"
PARENTS="${2:-1000000}"
ORPHANS="${3:-1000}"
for n in "$CHILDREN" "$PARENTS" "$ORPHANS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [CHILDREN] [PARENTS] [ORPHANS] (positive integers)" >&2; exit 2; }
done
(( ORPHANS < CHILDREN )) || { echo "ORPHANS must be below CHILDREN" >&2; exit 2; }

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$bench_dir/.." && pwd)"
PGHOST_="${BENCH_PGHOST:-127.0.0.1}"
PGPORT_="${BENCH_PGPORT:-5432}"
PGSUPER="${BENCH_PGSUPER:-postgres}"
DB="${BENCH_DB:-opsbatch_bench_orphans}"
ROLE="${BENCH_ROLE:-opsbatch_test}"
HEAP="${BENCH_HEAP:--Xmx512m}"
WORK="${BENCH_WORK:-${TMPDIR:-/tmp}/opsbatch-orphans-bench-$CHILDREN}"
RULE="bench-child-without-parent"

if [[ ! "$DB" =~ ^[a-z_][a-z0-9_]*bench[a-z0-9_]*$ ]]; then
  echo "refusing: BENCH_DB must be a plain lower-case name containing 'bench' (it is dropped), got '$DB'" >&2
  exit 2
fi
jar_built="$home/jobs/target/opsbatch.jar"
[[ -f "$jar_built" ]] || (cd "$home" && mvn -B -q -DskipTests install)
mkdir -p "$WORK"
jar="$WORK/opsbatch-snapshot.jar"
cp "$jar_built" "$jar"

admin() { psql -h "$PGHOST_" -p "$PGPORT_" -U "$PGSUPER" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
db() { psql -h "$PGHOST_" -p "$PGPORT_" -U "$ROLE" -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }
now_ms() { date +%s%3N; }

echo "== database $DB (children $CHILDREN, parents $PARENTS, orphans $ORPHANS)"
if [[ "$(admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]]; then
  admin -c "CREATE ROLE $ROLE LOGIN"
fi
admin -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null
admin -c "CREATE DATABASE $DB OWNER $ROLE"
export DB_NAME="$DB" DB_USER="$ROLE" DB_ENDPOINT="$PGHOST_" DB_PORT="$PGPORT_" OPSBATCH_DEMO=false
opsbatch() {
  java $HEAP -Dopsbatch.home="$WORK" -jar "$jar" \
    --spring.config.additional-location="optional:file:$home/config/" --spring.profiles.active=postgres \
    --opsbatch.orphans.directory="$bench_dir/orphan-rules" --opsbatch.runs-directory="$WORK/runs" \
    --opsbatch.github.repo= "$@"
}
# Flyway creates the platform tables first (it refuses a non-empty schema without its history table).
opsbatch runs --limit 1 > "$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }
t0=$(now_ms)
# Orphans are spread evenly over the child keys; their parent ids lie above every parent id.
db <<SQL
CREATE TABLE bench_parent (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL);
INSERT INTO bench_parent SELECT g, 'parent ' || g FROM generate_series(1, $PARENTS) g;
CREATE TABLE bench_child (id BIGINT NOT NULL, parent_id BIGINT NOT NULL, amount NUMERIC(12,2) NOT NULL);
INSERT INTO bench_child
  SELECT g,
         CASE WHEN g % ($CHILDREN / $ORPHANS) = 0 AND g / ($CHILDREN / $ORPHANS) <= $ORPHANS
              THEN $PARENTS + g ELSE 1 + (g * 7919) % $PARENTS END,
         (g % 10000) / 100.0
  FROM generate_series(1::bigint, $CHILDREN::bigint) g;
ALTER TABLE bench_child ADD PRIMARY KEY (id);
VACUUM ANALYZE bench_parent;
VACUUM ANALYZE bench_child;
SQL
echo "seeded in $(( ($(now_ms) - t0) / 1000 )) s; $(db -c "SELECT pg_size_pretty(pg_database_size('$DB'))")"

bare="SELECT count(*) FROM bench_child c WHERE NOT EXISTS (SELECT 1 FROM bench_parent p WHERE p.id = c.parent_id)"
best=""
for i in 1 2 3; do
  t=$(now_ms); found=$(db -c "$bare"); ms=$(( $(now_ms) - t ))
  echo "sql anti-join run $i: $ms ms ($found orphans)"
  if [[ -z "$best" || $ms -lt $best ]]; then best=$ms; fi
done
[[ "$found" == "$ORPHANS" ]] || { echo "FAIL: the bare query found $found orphans, expected $ORPHANS" >&2; exit 1; }

run_scan() {
  local label="$1"; shift
  local log="$WORK/$label.log"
  local t=$(now_ms)
  set +e
  /usr/bin/time -f "%M" -o "$WORK/$label.rss" java $HEAP -Dopsbatch.home="$WORK" -jar "$jar" \
    --spring.config.additional-location="optional:file:$home/config/" --spring.profiles.active=postgres \
    --opsbatch.orphans.directory="$bench_dir/orphan-rules" --opsbatch.runs-directory="$WORK/runs" \
    --opsbatch.github.repo= orphans scan --as bench "$@" > "$log" 2>&1
  local code=$?
  set -e
  local wall=$(( $(now_ms) - t ))
  [[ $code == 5 ]] || { echo "FAIL: $label exited $code (expected 5)"; cat "$log"; exit 1; }
  local run=$(awk '/^run: /{print $2}' "$log")
  local job=$(db -c "SELECT round(EXTRACT(EPOCH FROM (end_time - start_time)) * 1000) FROM batch_job_execution WHERE job_execution_id = $run")
  local step=$(db -c "SELECT round(EXTRACT(EPOCH FROM (end_time - start_time)) * 1000) FROM batch_step_execution WHERE job_execution_id = $run AND step_name = 'orphansScanRules'")
  local count=$(db -c "SELECT orphan_count FROM ops_finding WHERE run_id = $run")
  [[ "$count" == "$ORPHANS" ]] || { echo "FAIL: $label found $count orphans, expected $ORPHANS" >&2; exit 1; }
  local rss_kb=$(tail -1 "$WORK/$label.rss")
  printf '%-10s job %6s ms (scan step %6s ms)  command %6s ms  job/sql %s  peak RSS %s MB  orphans %s\n' \
    "$label" "$job" "$step" "$wall" "$(awk -v a="$job" -v b="$best" 'BEGIN{printf "%.2f", a/b}')" \
    "$(( rss_kb / 1024 ))" "$count"
}

echo "== scans (bare anti-join best of 3: $best ms)"
run_scan pushdown
run_scan pushdown2
run_scan streaming --strategy streaming
echo "logs in $WORK"
