#!/usr/bin/env bash
# What-if for bench/RESULTS.md: the execute step done set-based per chunk, in SQL only (no JVM), to see how close a
# chunked, audited, compare-and-set execute can get to one plain UPDATE. Run it right after
#
#   bench/fix-bench.sh N          (leaves the database with the plan's N items in ops_plan_item)
#   bench/setbased-sim.sh [CHUNK] (default 1000, the application's chunk size)
#
# It puts a fresh copy of bench_orders back (same N rows, same values as the dry-run saw, so the plan's `before`
# values match), then applies the last executed plan's items chunk by chunk, each chunk in its own transaction:
#   one UPDATE ... FROM (the chunk's plan items) WHERE key AND every `before` column IS NOT DISTINCT FROM the plan's
#   value RETURNING seq, and one INSERT INTO ops_audit ... SELECT of the applied items (outcome 'applied').
# Items the UPDATE did not return would go to the per-item decision (already applied / conflict), as today.
# BENCH_SIM_AUDIT=0 leaves the audit INSERT out, to see what the audit costs; BENCH_SIM_AUDIT=lean writes a narrow
# audit row instead (plan id, item number, outcome, run, time: before/after stay in ops_plan_item) to bench_audit_lean.
# It prints the time and the ratio to a plain UPDATE measured the same way, then checks the counts.
set -euo pipefail

CHUNK="${1:-1000}"
AUDIT="${BENCH_SIM_AUDIT:-1}"   # 0: no audit INSERT; lean: a narrow audit row (plan item reference + outcome)
[[ "$CHUNK" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [chunk size]" >&2; exit 2; }
PGHOST_="${BENCH_PGHOST:-127.0.0.1}"
PGPORT_="${BENCH_PGPORT:-5432}"
PGSUPER="${BENCH_PGSUPER:-postgres}"
DB="${BENCH_DB:-opsbatch_bench}"
ROLE="${BENCH_ROLE:-opsbatch_bench}"
export PGOPTIONS="-c client_min_messages=warning"
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$ROLE" -d "$DB" "$@"; }
q() { psql_bench -At -c "$1"; }

plan="$(q "SELECT id FROM ops_plan WHERE action = 'fix.bench-reset' AND status = 'EXECUTED' ORDER BY created_at DESC LIMIT 1")"
[[ -n "$plan" ]] || { echo "no executed bench-reset plan in $DB: run bench/fix-bench.sh first" >&2; exit 2; }
N="$(q "SELECT item_count FROM ops_plan WHERE id = '$plan'")"

reseed() {
  psql_bench -c "DROP TABLE IF EXISTS bench_orders" \
    -c "CREATE TABLE bench_orders (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL, updated_at TIMESTAMP NOT NULL)" \
    -c "INSERT INTO bench_orders (id, status, updated_at)
        SELECT g, 'PROCESSING', TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 millisecond'
        FROM generate_series(1, $N) AS g" \
    -c "VACUUM ANALYZE bench_orders"
  psql -X -q -h "$PGHOST_" -p "$PGPORT_" -U "$PGSUPER" -d "$DB" -c "CHECKPOINT"
}
seconds() { awk '/^Time: / { t = $2 } END { printf "%.3f", t / 1000 }'; }

echo "plan $plan, $N items, chunk $CHUNK"
psql_bench -c "DELETE FROM ops_audit WHERE run_id = -1" -c "ANALYZE ops_plan_item" \
  -c "DROP TABLE IF EXISTS bench_audit_lean" \
  -c "CREATE TABLE bench_audit_lean (id BIGSERIAL PRIMARY KEY, ts TIMESTAMP WITH TIME ZONE NOT NULL,
      run_id BIGINT NOT NULL, plan_id VARCHAR(36) NOT NULL, item_seq BIGINT NOT NULL, outcome VARCHAR(20) NOT NULL)" \
  -c "CREATE INDEX bench_audit_lean_run_idx ON bench_audit_lean (run_id, id)"

reseed
sql_s="$(psql_bench <<'EOF' | seconds
\timing on
UPDATE bench_orders SET status = 'PENDING', updated_at = now() WHERE status = 'PROCESSING';
EOF
)"

reseed
sim_s="$(psql_bench -v plan="$plan" -v chunk="$CHUNK" -v audit="$AUDIT" <<'EOF' | seconds
SELECT set_config('bench.plan', :'plan', false), set_config('bench.chunk', :'chunk', false),
       set_config('bench.audit', :'audit', false) \gset
\timing on
DO $$
DECLARE
  p       text   := current_setting('bench.plan');
  chunk   bigint := current_setting('bench.chunk')::bigint;
  audit   text   := current_setting('bench.audit');
  last    bigint;
  lo      bigint := 0;
BEGIN
  SELECT max(seq) INTO last FROM ops_plan_item WHERE plan_id = p;
  WHILE lo < last LOOP
    WITH items AS (
      SELECT seq, key_json, before_json, after_json,
             (key_json::jsonb ->> 'id')::bigint AS id, before_json::jsonb AS b, after_json::jsonb AS a
      FROM ops_plan_item WHERE plan_id = p AND seq > lo AND seq <= lo + chunk
    ), applied AS (
      UPDATE bench_orders t
      SET status = i.a ->> 'status', updated_at = (i.a ->> 'updated_at')::timestamp
      FROM items i
      WHERE t.id = i.id
        AND t.status IS NOT DISTINCT FROM (i.b ->> 'status')
        AND t.updated_at IS NOT DISTINCT FROM (i.b ->> 'updated_at')::timestamp
      RETURNING i.seq
    )
    , full_audit AS (
      INSERT INTO ops_audit (ts, action, store_name, table_name, key_json, before_json, after_json, executor, mode,
                             outcome, run_id, plan_id, item_seq)
      SELECT clock_timestamp(), 'fix.bench-reset', 'app', 'bench_orders', i.key_json, i.before_json, i.after_json,
             'bench', 'execute', 'applied', -1, p, i.seq
      FROM items i JOIN applied USING (seq)
      WHERE audit = '1'
    )
    INSERT INTO bench_audit_lean (ts, run_id, plan_id, item_seq, outcome)
    SELECT clock_timestamp(), -1, p, a.seq, 'applied' FROM applied a WHERE audit = 'lean';
    COMMIT;
    lo := lo + chunk;
  END LOOP;
END $$;
EOF
)"

pending="$(q "SELECT count(*) FROM bench_orders WHERE status = 'PENDING'")"
case "$AUDIT" in
  1) audited="$(q "SELECT count(*) FROM ops_audit WHERE run_id = -1 AND outcome = 'applied'")" ;;
  lean) audited="$(q "SELECT count(*) FROM bench_audit_lean WHERE run_id = -1 AND outcome = 'applied'")" ;;
  *) audited="$N (no audit in this variant)" ;;
esac
awk -v n="$N" -v a="$sql_s" -v b="$sim_s" -v c="$CHUNK" -v audit="$AUDIT" 'BEGIN {
  printf "| %-52s | %8.2f | %9.0f | %6.2fx |\n", "SQL: one set-based UPDATE", a, n / a, 1
  printf "| %-52s | %8.2f | %9.0f | %6.2fx |\n", "SQL: chunked CAS UPDATE" (audit == "1" ? " + audit INSERT" : audit == "lean" ? " + lean audit INSERT" : " (no audit)") ", chunk " c, b, n / b, b / a }'
echo "checks: PENDING $pending (expected $N), audit rows $audited (expected $N)"
[[ "$pending" == "$N" && "${audited%% *}" == "$N" ]]
