/**
 * Plans: a dry-run's sealed list of changes. A plan is bound by its digest ({@link
 * io.opsbatch.platform.plan.PlanDigest}) and moves through its statuses only by compare-and-set; {@link
 * io.opsbatch.platform.plan.ExecutionGuard} holds the rules an execute must pass.
 */
package io.opsbatch.platform.plan;
