package io.opsbatch.platform.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where plans and their items live. Status transitions are compare-and-set: each returns whether this caller
 * made the transition, and a {@code false} is a decision point for the caller, never ignored.
 */
public interface PlanRepository {

	/** Create a plan in {@link PlanStatus#DRAFT} unless one with its id exists (a restarted dry-run). */
	void createDraft(Plan plan);

	/** Append items (in the caller's transaction). */
	void addItems(List<PlanItem> items);

	/** Remove the items at and after {@code fromSeq} (a restarted dry-run rewrites them). */
	void removeItemsFrom(String planId, long fromSeq);

	/**
	 * Seal a draft: set its digest, item count and expiry, and move it to {@link PlanStatus#PENDING}.
	 * @return false when the plan was not a draft
	 */
	boolean seal(String planId, String digest, long itemCount, Instant expiresAt);

	/** The plan, if it exists. */
	Optional<Plan> find(String planId);

	/**
	 * The plan.
	 * @throws PlanNotFoundException when it does not exist
	 */
	default Plan get(String planId) {
		return find(planId).orElseThrow(() -> new PlanNotFoundException(planId));
	}

	/** Stream the plan's items in order to {@code consumer}, without holding them in memory. */
	void forEachItem(String planId, Consumer<PlanItem> consumer);

	/** Stream the plan's items as stored (canonical JSON text), in order; call inside a transaction to stream. */
	void forEachStoredItem(String planId, Consumer<StoredItem> consumer);

	/** The first {@code limit} items, for previews. */
	List<PlanItem> items(String planId, int limit);

	/**
	 * Move PENDING to APPROVED for exactly this digest.
	 * @return false when the plan was not PENDING with that digest
	 */
	boolean approve(String planId, String digest, String approver, String comment, Instant at);

	/**
	 * Move PENDING or APPROVED to REJECTED.
	 * @return false when the plan was in neither status
	 */
	boolean reject(String planId, String approver, String comment, Instant at);

	/**
	 * Move APPROVED to EXECUTING, recording the run that claims it.
	 * @return false when another run claimed it first or it is no longer approved
	 */
	boolean claim(String planId, long runId);

	/**
	 * Move EXECUTING to EXECUTED.
	 * @return false when the plan was not executing
	 */
	boolean markExecuted(String planId);

	/** The most recent plans, newest first. */
	List<Plan> recent(int limit);

}
