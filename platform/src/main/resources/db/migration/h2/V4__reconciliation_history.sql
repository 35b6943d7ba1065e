-- Reconciliation history: one row per reconciliation dry-run with its counts per category, for the trend shown by
-- `opsbatch reconcile <name> --history`. The plan itself lives in ops_plan.
CREATE TABLE ops_reconcile_run (
    run_id         BIGINT        NOT NULL PRIMARY KEY,
    reconciliation VARCHAR(100)  NOT NULL,
    scope          VARCHAR(200)  NOT NULL,
    strategy       VARCHAR(20)   NOT NULL,
    plan_id        VARCHAR(36)   NOT NULL,
    matching       BIGINT        NOT NULL,
    mismatched     BIGINT        NOT NULL,
    missing        BIGINT        NOT NULL,
    extra          BIGINT        NOT NULL,
    preview_json   CLOB          NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ops_reconcile_run_name_idx ON ops_reconcile_run (reconciliation, finished_at);
