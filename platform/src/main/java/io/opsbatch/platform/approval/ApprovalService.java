package io.opsbatch.platform.approval;

import java.time.Clock;

import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanRefusedException;
import io.opsbatch.platform.plan.PlanRepository;

/** Approves and rejects plans under an {@link ApprovalPolicy}; each decision is a compare-and-set. */
public class ApprovalService {

	private final PlanRepository plans;

	private final ApprovalPolicy policy;

	private final Clock clock;

	public ApprovalService(PlanRepository plans, ApprovalPolicy policy, Clock clock) {
		this.plans = plans;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Approve a pending plan for its current digest.
	 * @return the approved plan
	 * @throws PlanRefusedException when a rule refuses it or another decision came first
	 */
	public Plan approve(String planId, String approver, String comment) {
		Plan plan = plans.get(planId);
		policy.checkApproval(plan, approver, clock.instant());
		if (!plans.approve(planId, plan.digest(), approver, comment, clock.instant())) {
			throw new PlanRefusedException("plan " + planId + " changed while it was being approved (now "
					+ plans.get(planId).status() + "); nothing was approved");
		}
		return plans.get(planId);
	}

	/**
	 * Reject a pending or approved plan; it can never execute afterwards.
	 * @return the rejected plan
	 */
	public Plan reject(String planId, String approver, String comment) {
		Plan plan = plans.get(planId);
		policy.checkRejection(plan);
		if (!plans.reject(planId, approver, comment, clock.instant())) {
			throw new PlanRefusedException("plan " + planId + " changed while it was being rejected (now "
					+ plans.get(planId).status() + "); nothing was rejected");
		}
		return plans.get(planId);
	}

	/** The policy in force. */
	public ApprovalPolicy policy() {
		return policy;
	}

}
