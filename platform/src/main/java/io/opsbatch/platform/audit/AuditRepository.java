package io.opsbatch.platform.audit;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.opsbatch.platform.change.Outcome;

/** The audit trail in the platform database. Records are only ever added. */
public interface AuditRepository {

	/** Add records, in the caller's transaction. */
	void add(List<AuditRecord> records);

	/** Stream the records of a run in the order they were written (call inside a transaction to stream). */
	void forEachOfRun(long runId, Consumer<AuditRecord> consumer);

	/** Stream the records of a run as stored, values unparsed (call inside a transaction to stream). */
	void forEachStoredOfRun(long runId, Consumer<StoredAuditRecord> consumer);

	/** The first {@code limit} records of a run. */
	List<AuditRecord> ofRun(long runId, int limit);

	/** The first {@code limit} records of a run with this outcome. */
	List<AuditRecord> ofRun(long runId, Outcome outcome, int limit);

	/** How many records of a run have each outcome. */
	Map<Outcome, Long> countByOutcome(long runId);

	/**
	 * Stream the records a plan got in one mode from its runs up to and including {@code lastRunId}, as stored, in
	 * item order: a restarted run and the failed runs it continues (call inside a transaction to stream).
	 */
	void forEachStoredOfPlan(String planId, AuditRecord.Mode mode, long lastRunId,
			Consumer<StoredAuditRecord> consumer);

	/** How many records of each outcome a plan got in one mode, per run up to and including {@code lastRunId}. */
	Map<Long, Map<Outcome, Long>> countByRunAndOutcome(String planId, AuditRecord.Mode mode, long lastRunId);

}
