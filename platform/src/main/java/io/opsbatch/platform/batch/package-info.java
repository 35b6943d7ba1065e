/**
 * The Spring Batch side of the loop. {@link io.opsbatch.platform.batch.PlanningJobs} builds every dry-run job (open,
 * plan, seal) so no job repeats the wiring; {@link io.opsbatch.platform.batch.ExecuteJobConfiguration} is the only job
 * whose writer touches a target store, so there is exactly one code path that mutates, and it checks approval, expiry,
 * environment and digest before it claims the plan.
 * <p>
 * Retry and skip are off everywhere: a failed chunk rolls back and fails the run, which is then restarted from its last
 * committed chunk; compare-and-set makes replays safe.
 */
package io.opsbatch.platform.batch;
