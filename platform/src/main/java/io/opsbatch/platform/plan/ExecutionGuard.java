package io.opsbatch.platform.plan;

import java.time.Instant;

/**
 * The rules a plan must pass before it executes (DESIGN invariants 2, 3, 4 and 6): approved, not expired, made in
 * this environment, and its items still hashing to the digest that was approved. Plain rules, no I/O: the caller
 * recomputes the digest.
 */
public final class ExecutionGuard {

	private ExecutionGuard() {
	}

	/**
	 * Refuse a plan that may not start executing now.
	 * @throws PlanRefusedException naming the reason and what to do
	 */
	public static void checkExecutable(Plan plan, String environment, Instant now) {
		switch (plan.status()) {
			case DRAFT -> refuse(plan, "is still being written by dry-run " + plan.dryRunId()
					+ "; wait for it to finish, or restart it with: opsbatch runs restart " + plan.dryRunId());
			case PENDING -> refuse(plan, "is not approved; ask a second person to run: opsbatch approve " + plan.id()
					+ " --as <approver>");
			case REJECTED -> refuse(plan, "was rejected by " + plan.decidedBy()
					+ " and can never execute; run a new dry-run");
			case EXECUTING -> refuse(plan, "is already being executed by run " + plan.executeRunId()
					+ "; if that run failed, continue it with: opsbatch runs restart " + plan.executeRunId());
			case EXECUTED -> refuse(plan, "was already executed by run " + plan.executeRunId()
					+ "; a plan executes once (undo it with: opsbatch rollback " + plan.executeRunId() + ")");
			case APPROVED -> {
			}
		}
		checkEnvironment(plan, environment);
		checkNotExpired(plan, now);
		if (plan.approvedDigest() == null || !plan.approvedDigest().equals(plan.digest())) {
			refuse(plan, "was approved for digest " + plan.approvedDigest() + " but its digest is " + plan.digest()
					+ "; run a new dry-run and approve it");
		}
	}

	/**
	 * Refuse a plan whose stored items no longer hash to the approved digest (they were altered after approval).
	 */
	public static void checkDigest(Plan plan, String recomputed) {
		if (!recomputed.equals(plan.approvedDigest())) {
			refuse(plan, "items do not match the approved digest (approved " + abbreviate(plan.approvedDigest())
					+ ", now " + abbreviate(recomputed) + "); the plan was altered after approval, run a new dry-run");
		}
	}

	/** Refuse a plan made in another environment. */
	public static void checkEnvironment(Plan plan, String environment) {
		if (!plan.environment().equals(environment)) {
			refuse(plan, "was made in environment '" + plan.environment() + "', this is '" + environment + "'");
		}
	}

	/** Refuse a plan past its expiry. */
	public static void checkNotExpired(Plan plan, Instant now) {
		if (plan.expiresAt() != null && !now.isBefore(plan.expiresAt())) {
			refuse(plan, "expired at " + plan.expiresAt() + "; run a new dry-run and approve it");
		}
	}

	private static String abbreviate(String digest) {
		return (digest == null) ? "none" : digest.substring(0, Math.min(12, digest.length()));
	}

	private static void refuse(Plan plan, String reason) {
		throw new PlanRefusedException("plan " + plan.id() + " " + reason);
	}

}
