/**
 * Rollback: the inverse plan of an executed run. Its source is the run's execute-mode audit records whose outcome is
 * {@code applied} or {@code already-applied} (after a crash a change this run made is recorded as already applied),
 * read from the database or from the run's {@code results.json}. Each becomes {@link
 * io.opsbatch.platform.change.Change#inverse()}: it expects the run's after-values and restores its before-values,
 * and goes through the same approve / execute path as any plan.
 */
package io.opsbatch.platform.rollback;
