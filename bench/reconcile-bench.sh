#!/usr/bin/env bash
# Reconciliation benchmark (issue 4). For each N (default: 1000000 10000000):
#   database A (opsbatch_bench_rec_a): src and dst with N keys, 0.01% of dst different (changed, missing, extra);
#   database B (opsbatch_bench_rec_b): a copy of A's dst.
#   (a) same database: `reconcile bench-same --all` (join) vs the bare full-outer-join query in psql;
#   (b) two databases: `reconcile bench-cross --all` with --strategy stream and bisect.
# Reports wall time, the run's own duration (wall minus JVM start-up, measured with --history), rows/s and max RSS.
# Uses a snapshot copy of the built jar; needs PostgreSQL at 127.0.0.1:5432 with trust auth for postgres.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZES=("${@:-1000000 10000000}"); read -r -a SIZES <<< "${SIZES[*]}"
work=/tmp/opsbatch-bench-reconcile; mkdir -p "$work"
[[ -f jobs/target/opsbatch.jar ]] || mvn -B -q install -DskipTests
cp jobs/target/opsbatch.jar "$work/opsbatch.jar"
admin() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
on() { local db=$1; shift; psql -h 127.0.0.1 -U opsbatch_test -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }
for db in opsbatch_bench_rec_a opsbatch_bench_rec_b; do
  admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db OWNER opsbatch_test"
done
run() {  # run <label> <args...>: prints wall seconds and max RSS (MB)
  /usr/bin/time -f "%e %M" -o "$work/time" java -Xmx1g -jar "$work/opsbatch.jar" \
    --spring.config.additional-location="optional:file:$PWD/config/" --spring.profiles.active=postgres \
    --opsbatch.reconcile.directory="$PWD/bench/reconciliations" --opsbatch.runs-directory="$work/runs" \
    --opsbatch.stores.b.url=jdbc:postgresql://127.0.0.1:5432/opsbatch_bench_rec_b \
    --opsbatch.stores.b.username=opsbatch_test --opsbatch.stores.b.password= --opsbatch.preview-rows=3 \
    "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r wall rss < "$work/time"; echo "$wall $((rss / 1024))"
}
export DB_NAME=opsbatch_bench_rec_a DB_USER=opsbatch_test OPSBATCH_ENVIRONMENT=bench
run reconcile bench-same --history > /dev/null                # creates the platform tables (Flyway) in A
read -r startup _ < <(run reconcile bench-same --history)     # JVM and Spring start-up, subtracted below
echo "| N | measurement | wall s | run s (wall - start-up) | job s (job repository) | job / bare join | rows/s (job) | max RSS MB | counts |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in "${SIZES[@]}"; do
  d=$((n / 10000))   # 0.01% differences: a third changed, a third missing, a third extra
  on opsbatch_bench_rec_a -c "DROP TABLE IF EXISTS src; DROP TABLE IF EXISTS dst" \
    -c "CREATE TABLE src (id BIGINT PRIMARY KEY, amount NUMERIC(12,2) NOT NULL, label VARCHAR(20) NOT NULL)" \
    -c "INSERT INTO src SELECT i, (i % 100000) / 100.0, 'L' || (i % 7) FROM generate_series(1, $n) i" \
    -c "CREATE TABLE dst (LIKE src INCLUDING ALL)" -c "INSERT INTO dst SELECT * FROM src" \
    -c "UPDATE dst SET amount = amount + 1 WHERE id IN (SELECT (random() * $n)::bigint FROM generate_series(1, $((d / 3))))" \
    -c "DELETE FROM dst WHERE id IN (SELECT (random() * $n)::bigint FROM generate_series(1, $((d / 3))))" \
    -c "INSERT INTO dst SELECT $n + i * 3, 1.00, 'extra' FROM generate_series(1, $((d / 3))) i" \
    -c "VACUUM ANALYZE src" -c "VACUUM ANALYZE dst"
  on opsbatch_bench_rec_b -c "DROP TABLE IF EXISTS dst" \
    -c "CREATE TABLE dst (id BIGINT PRIMARY KEY, amount NUMERIC(12,2) NOT NULL, label VARCHAR(20) NOT NULL)"
  on opsbatch_bench_rec_a -c "COPY dst TO STDOUT" | on opsbatch_bench_rec_b -c "COPY dst FROM STDIN"
  on opsbatch_bench_rec_b -c "VACUUM ANALYZE dst"
  foj="SELECT count(*) FROM src s FULL OUTER JOIN dst d ON s.id = d.id WHERE s.id IS NULL OR d.id IS NULL OR s.amount IS DISTINCT FROM d.amount OR s.label IS DISTINCT FROM d.label"
  t0=$(date +%s.%N); diffs=$(on opsbatch_bench_rec_a -c "$foj"); t1=$(date +%s.%N)
  psql_s=$(echo "$t1 - $t0" | bc)
  echo "| $n | bare full outer join in psql | $(printf %.2f "$psql_s") | $(printf %.2f "$psql_s") | $(printf %.2f "$psql_s") | 1.00x | $(echo "$n / $psql_s" | bc) | - | $diffs differences |"
  for case in "same join bench-same" "cross stream bench-cross --strategy stream" "cross bisect bench-cross --strategy bisect"; do
    read -r _ label name rest <<< "$case"
    # shellcheck disable=SC2086
    read -r wall rss < <(run reconcile $name --all $rest --as bench)
    net=$(echo "$wall - $startup" | bc)
    run_id=$(grep -E '^run: ' "$work/out" | head -1 | cut -d' ' -f2)
    job=$(on opsbatch_bench_rec_a -c "SELECT EXTRACT(EPOCH FROM end_time - start_time) FROM batch_job_execution WHERE job_execution_id = $run_id")
    counts=$(grep -E '^(matching|mismatched|missing|extra):' "$work/out" | tr '\n' ' ')
    echo "| $n | reconcile --all, $label | $wall | $(printf %.2f "$net") | $(printf %.2f "$job") | $(printf %.2fx "$(echo "$job / $psql_s" | bc -l)") | $(echo "$n / $job" | bc) | $rss | $counts|"
  done
done
echo "(JVM start-up, measured with --history: ${startup} s)"
