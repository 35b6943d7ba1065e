-- One finding per orphan rule per scan run: the count, its severity, a sample of keys, and the issue filed for it.
CREATE TABLE ops_finding (
    id                BIGSERIAL PRIMARY KEY,
    run_id            BIGINT       NOT NULL,
    rule_id           VARCHAR(100) NOT NULL,
    store_name        VARCHAR(100) NOT NULL,
    table_name        VARCHAR(200) NOT NULL,
    fingerprint       VARCHAR(400) NOT NULL,
    orphan_count      BIGINT       NOT NULL,
    severity          VARCHAR(20)  NOT NULL,
    thresholds        VARCHAR(200) NOT NULL,
    sample_json       TEXT         NOT NULL,
    list_query        TEXT         NOT NULL,
    strategy          VARCHAR(20)  NOT NULL,
    scanned_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    issue_action      VARCHAR(20)  NOT NULL,
    issue_number      BIGINT,
    issue_url         VARCHAR(500),
    issue_error       VARCHAR(1000),
    CONSTRAINT ops_finding_run_rule UNIQUE (run_id, rule_id)
);
CREATE INDEX ops_finding_rule_idx ON ops_finding (rule_id, run_id);
CREATE INDEX ops_finding_pending_idx ON ops_finding (fingerprint, issue_action);
