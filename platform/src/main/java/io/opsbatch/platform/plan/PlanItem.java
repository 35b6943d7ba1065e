package io.opsbatch.platform.plan;

import io.opsbatch.platform.change.Change;

/**
 * One change of a plan, at its position.
 *
 * @param planId the plan
 * @param seq the position in the plan, from 1; execute applies items in this order
 * @param change the change
 */
public record PlanItem(String planId, long seq, Change change) {
}
