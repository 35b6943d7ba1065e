package io.opsbatch.platform.reconcile;

import java.time.Instant;

/**
 * One reconciliation run as kept for its history.
 *
 * @param runId the dry-run's run id
 * @param name the reconciliation definition
 * @param scope {@code all}, or the resource id
 * @param strategy the comparison strategy used
 * @param planId the plan the run made
 * @param counts the counts per category
 * @param preview the first differences as JSON (a list of objects), for the run's report
 * @param finishedAt when the comparison ended
 */
public record ReconciliationSummary(long runId, String name, String scope, String strategy, String planId,
		ComparisonCounts counts, String preview, Instant finishedAt) {
}
