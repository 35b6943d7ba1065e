-- One row per operation launch in progress: operation name + canonical text parameters (lock_key, a SHA-256) are
-- unique, so a second launch of the same operation with the same parameters is refused, across processes. The row
-- is inserted before the run starts and deleted when it ends; a row whose run is no longer running in the job
-- repository (its process died and the run was recovered) is stale and taken over by compare-and-set on token.
CREATE TABLE ops_launch_lock (
    lock_key          VARCHAR(64)  PRIMARY KEY,
    operation         VARCHAR(100) NOT NULL,
    parameters        VARCHAR(4000) NOT NULL,
    run_id            BIGINT,
    holder            VARCHAR(300) NOT NULL,
    token             VARCHAR(36)  NOT NULL,
    acquired_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
