-- Indexes Spring Batch's standard schema does not create, so the job repository stays fast with many executions
-- (bench/service-bench.sh: 100,000 executions). The BATCH_* tables themselves stay standard.
-- Foreign key columns: loading a run's parameters and steps, and an instance's executions.
CREATE INDEX batch_job_exec_instance_idx ON BATCH_JOB_EXECUTION (JOB_INSTANCE_ID, CREATE_TIME);
CREATE INDEX batch_job_exec_params_exec_idx ON BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID);
CREATE INDEX batch_step_exec_exec_idx ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID);
-- Running executions (a start checks for one) and the instances of a job, newest first.
CREATE INDEX batch_job_exec_status_idx ON BATCH_JOB_EXECUTION (STATUS);
CREATE INDEX batch_job_inst_name_idx ON BATCH_JOB_INSTANCE (JOB_NAME, JOB_INSTANCE_ID);
