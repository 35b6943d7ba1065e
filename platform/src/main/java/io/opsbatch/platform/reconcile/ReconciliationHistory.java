package io.opsbatch.platform.reconcile;

import java.util.List;
import java.util.Optional;

/** The summaries of reconciliation runs, for the trend an operator reads with {@code reconcile <name> --history}. */
public interface ReconciliationHistory {

	/** Record a run's summary; recording the same run again replaces it (a restarted run). */
	void record(ReconciliationSummary summary);

	/** The summary of one run. */
	Optional<ReconciliationSummary> ofRun(long runId);

	/** The latest runs of a reconciliation, newest first. */
	List<ReconciliationSummary> latest(String name, int limit);

}
