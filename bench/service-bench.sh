#!/usr/bin/env bash
# Job repository at scale: 100,000 job executions on PostgreSQL, inserted set-based into a dedicated database
# (opsbatch_bench_service). Times listing the last 50 runs (the queries `opsbatch runs` / GET /api/runs make: the
# newest ids, then per run its execution, parameters and steps) and the look-ups a job start makes, with and
# without the V6 indexes; plus the CLI's `runs --limit 50` wall time (JVM start included).
# Usage: bench/service-bench.sh [executions]   (needs the jar: mvn -B -q install -DskipTests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N="${1:-100000}"
DB=opsbatch_bench_service
admin() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
q() { psql -h 127.0.0.1 -U opsbatch_test -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }
admin -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER opsbatch_test"
cli() { java -Dopsbatch.home=/tmp/opsbatch-bench-service -jar jobs/target/opsbatch.jar \
  --spring.config.additional-location=file:config/ --spring.profiles.active=postgres --opsbatch.environment=bench \
  --opsbatch.orphans.directory="$PWD/config/orphan-rules" --opsbatch.fixes.directory="$PWD/config/fixes" \
  --opsbatch.reconcile.directory="$PWD/config/reconciliations" \
  "$@"; }
export DB_NAME=$DB DB_USER=opsbatch_test
cli --opsbatch.demo.enabled=true orphans scan >/dev/null || true   # schema, and one real run whose context we copy
CTX="$(q -c "SELECT SHORT_CONTEXT FROM BATCH_JOB_EXECUTION_CONTEXT ORDER BY JOB_EXECUTION_ID LIMIT 1")"
O=1000   # generated ids start above the real run's
q <<SQL
INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY)
  SELECT $O + g, 0, CASE g % 3 WHEN 0 THEN 'fixJob' WHEN 1 THEN 'orphansScan' ELSE 'executeJob' END, md5(g::text)
  FROM generate_series(1, $N) g;
INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, START_TIME, END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED)
  SELECT $O + g, 2, $O + g, now() - (($N - g) || ' seconds')::interval, now() - (($N - g) || ' seconds')::interval,
         now() - (($N - g) || ' seconds')::interval + interval '2 seconds', 'COMPLETED', 'COMPLETED', '', now()
  FROM generate_series(1, $N) g;
INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, IDENTIFYING)
  SELECT $O + g, p, 'java.lang.String', CASE WHEN p = 'parameters' THEN '{}' ELSE md5(g::text || p) END, CASE WHEN p = 'plan.id' THEN 'Y' ELSE 'N' END
  FROM generate_series(1, $N) g, unnest(ARRAY['plan.id', 'action', 'executor', 'parameters']) p;
INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, CREATE_TIME, START_TIME, END_TIME, STATUS,
    COMMIT_COUNT, READ_COUNT, FILTER_COUNT, WRITE_COUNT, READ_SKIP_COUNT, WRITE_SKIP_COUNT, PROCESS_SKIP_COUNT, ROLLBACK_COUNT, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED)
  SELECT $O * 3 + (g - 1) * 3 + s, 2, 'step' || s, $O + g, now(), now(), now(), 'COMPLETED', 1, 10, 0, 10, 0, 0, 0, 0, 'COMPLETED', '', now()
  FROM generate_series(1, $N) g, generate_series(1, 3) s;
INSERT INTO BATCH_JOB_EXECUTION_CONTEXT (JOB_EXECUTION_ID, SHORT_CONTEXT) SELECT $O + g, '$CTX' FROM generate_series(1, $N) g;
SELECT setval('BATCH_JOB_INSTANCE_SEQ', $O + $N); SELECT setval('BATCH_JOB_EXECUTION_SEQ', $O + $N);
SELECT setval('BATCH_STEP_EXECUTION_SEQ', 3 * ($O + $N));
ANALYZE BATCH_JOB_INSTANCE; ANALYZE BATCH_JOB_EXECUTION; ANALYZE BATCH_JOB_EXECUTION_PARAMS; ANALYZE BATCH_STEP_EXECUTION;
ANALYZE BATCH_JOB_EXECUTION_CONTEXT;
SQL
# what listing the last 50 runs does (JdbcRunRepository + JobRepository.getJobExecution per run)
LIST="DO \$\$ DECLARE r record; BEGIN FOR r IN SELECT JOB_EXECUTION_ID id FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 50 LOOP
  PERFORM * FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I USING (JOB_INSTANCE_ID) WHERE E.JOB_EXECUTION_ID = r.id;
  PERFORM * FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = r.id;
  PERFORM * FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = r.id ORDER BY STEP_EXECUTION_ID;
  PERFORM * FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID = r.id; END LOOP; END \$\$;"
# what a job start looks up: the instance by name and key, its executions (last one), running executions of the job
START="DO \$\$ DECLARE i bigint; BEGIN FOR k IN 1..50 LOOP
  SELECT JOB_INSTANCE_ID INTO i FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'fixJob' AND JOB_KEY = md5(($N - k * 3)::text);
  PERFORM * FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = i ORDER BY CREATE_TIME DESC, JOB_EXECUTION_ID DESC;
  PERFORM * FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = i);
  PERFORM * FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I USING (JOB_INSTANCE_ID)
    WHERE I.JOB_NAME = 'fixJob' AND E.STATUS IN ('STARTING', 'STARTED', 'STOPPING'); END LOOP; END \$\$;"
ms() { local t0 t1; t0=$(date +%s%N); q -c "$1" >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
measure() {
  q -c "$LIST" >/dev/null; q -c "$START" >/dev/null   # warm the cache
  echo "$1: list last 50 runs $(ms "$LIST") ms; 50 job-start look-ups $(ms "$START") ms"
  local t0 t1; t0=$(date +%s%N); cli runs --limit 50 >/dev/null; t1=$(date +%s%N)
  echo "$1: opsbatch runs --limit 50 (JVM start included) $(( (t1 - t0) / 1000000 )) ms"
  t0=$(date +%s%N); cli orphans scan --rule orders-without-customer >/dev/null || true; t1=$(date +%s%N)
  echo "$1: opsbatch orphans scan, a new job start and run (JVM start included) $(( (t1 - t0) / 1000000 )) ms"
}
INDEXES="batch_job_exec_instance_idx batch_job_exec_params_exec_idx batch_step_exec_exec_idx batch_job_exec_status_idx batch_job_inst_name_idx"
echo "executions: $N"
measure "with V6 indexes"
for i in $INDEXES; do q -c "DROP INDEX $i"; done
measure "without indexes"
q -c "$(grep -v '^--' platform/src/main/resources/db/migration/postgresql/V6__job_repository_indexes.sql)"
measure "indexes recreated"
