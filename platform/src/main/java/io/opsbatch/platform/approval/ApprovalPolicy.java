package io.opsbatch.platform.approval;

import java.time.Instant;

import io.opsbatch.platform.plan.ExecutionGuard;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanRefusedException;
import io.opsbatch.platform.plan.PlanStatus;

/**
 * Four eyes (DESIGN invariant 4): who may approve or reject a plan, and when.
 *
 * @param environment the environment this process runs in
 * @param selfApprovalAllowed whether the requester may approve their own plan (never in a protected environment)
 */
public record ApprovalPolicy(String environment, boolean selfApprovalAllowed) {

	/**
	 * The policy for an environment; a protected environment (any named {@code prod}) never allows
	 * self-approval, whatever the configuration says.
	 */
	public static ApprovalPolicy of(String environment, boolean selfApprovalConfigured, boolean protectedEnvironment) {
		return new ApprovalPolicy(environment, selfApprovalConfigured && !protectedEnvironment);
	}

	/**
	 * Refuse an approval that breaks a rule: the plan is not pending, expired, from another environment, or the
	 * approver is its requester where that is not allowed.
	 */
	public void checkApproval(Plan plan, String approver, Instant now) {
		checkDecidable(plan, now);
		if (plan.requester().equals(approver) && !selfApprovalAllowed) {
			throw new SelfApprovalException(plan, approver, environment);
		}
	}

	/** Refuse a rejection of a plan that is neither pending nor approved. */
	public void checkRejection(Plan plan) {
		if (plan.status() != PlanStatus.PENDING && plan.status() != PlanStatus.APPROVED) {
			throw new PlanRefusedException("plan " + plan.id() + " is " + plan.status() + " and can no longer be rejected");
		}
	}

	private void checkDecidable(Plan plan, Instant now) {
		if (plan.status() != PlanStatus.PENDING) {
			throw new PlanRefusedException("plan " + plan.id() + " is " + plan.status()
					+ (plan.decidedBy() != null ? " (by " + plan.decidedBy() + ")" : "")
					+ "; only a PENDING plan can be approved");
		}
		ExecutionGuard.checkEnvironment(plan, environment);
		ExecutionGuard.checkNotExpired(plan, now);
	}

}
