-- Plans: a dry-run's sealed list of changes, its approval and its execution (see PlanStatus).
CREATE TABLE ops_plan (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    action           VARCHAR(200) NOT NULL,
    parameters       TEXT        NOT NULL,
    environment      VARCHAR(100) NOT NULL,
    store_name       VARCHAR(100) NOT NULL,
    requester        VARCHAR(200) NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    digest           VARCHAR(64),
    item_count       BIGINT       NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE,
    dry_run_id       BIGINT,
    decided_by       VARCHAR(200),
    decided_at       TIMESTAMP WITH TIME ZONE,
    approved_digest  VARCHAR(64),
    decision_comment VARCHAR(2000),
    execute_run_id   BIGINT,
    source_run_id    BIGINT
);
CREATE INDEX ops_plan_created_idx ON ops_plan (created_at);

-- The items of a plan, in the order execute applies them. Values are canonical JSON.
CREATE TABLE ops_plan_item (
    plan_id     VARCHAR(36)  NOT NULL,
    seq         BIGINT       NOT NULL,
    store_name  VARCHAR(100) NOT NULL,
    table_name  VARCHAR(200) NOT NULL,
    key_json    VARCHAR(2000) NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    PRIMARY KEY (plan_id, seq),
    CONSTRAINT ops_plan_item_plan_fk FOREIGN KEY (plan_id) REFERENCES ops_plan (id)
);

-- One record per change, in both modes (DESIGN section 3).
CREATE TABLE ops_audit (
    id          BIGSERIAL PRIMARY KEY,
    ts          TIMESTAMP WITH TIME ZONE NOT NULL,
    action      VARCHAR(200) NOT NULL,
    store_name  VARCHAR(100) NOT NULL,
    table_name  VARCHAR(200) NOT NULL,
    key_json    VARCHAR(2000) NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    executor    VARCHAR(200) NOT NULL,
    mode        VARCHAR(10)  NOT NULL,
    outcome     VARCHAR(20)  NOT NULL,
    run_id      BIGINT       NOT NULL,
    plan_id     VARCHAR(36)  NOT NULL,
    item_seq    BIGINT       NOT NULL
);
CREATE INDEX ops_audit_run_idx ON ops_audit (run_id, id);
CREATE INDEX ops_audit_plan_idx ON ops_audit (plan_id, mode, item_seq);
