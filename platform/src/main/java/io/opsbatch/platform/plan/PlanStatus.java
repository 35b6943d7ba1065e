package io.opsbatch.platform.plan;

/**
 * The life of a plan. Every transition is a compare-and-set in the database:
 * {@code DRAFT -> PENDING -> APPROVED -> EXECUTING -> EXECUTED}, or {@code PENDING -> REJECTED}.
 */
public enum PlanStatus {

	/** The dry-run is still writing items. */
	DRAFT,

	/** Complete and sealed by its digest; waits for approval. */
	PENDING,

	/** Approved by a second person for exactly its digest. */
	APPROVED,

	/** Claimed by an execute run. */
	EXECUTING,

	/** Every item was applied, found already applied, or reported as a conflict. */
	EXECUTED,

	/** Rejected; can never execute. */
	REJECTED

}
