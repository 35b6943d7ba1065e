package io.opsbatch.platform.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.change.Outcome;

/**
 * The {@code run} part of a results file.
 *
 * @param runId the job execution id
 * @param job the Spring Batch job name
 * @param action what the run does, e.g. {@code fix.reset-stuck-orders}
 * @param mode dry-run or execute
 * @param status the Spring Batch status the run ended with
 * @param parameters the run's parameters
 * @param executor who ran it
 * @param environment the environment it ran in
 * @param planId the plan it made or executed
 * @param store the target store
 * @param started when it started
 * @param finished when it ended
 * @param counts records by outcome, of every run in {@code runs}
 * @param runs the runs whose records the file holds: this run, and the failed runs of the same plan it continues
 * after a restart, oldest first
 */
public record RunSummary(long runId, String job, String action, AuditRecord.Mode mode, String status,
		Map<String, Object> parameters, String executor, String environment, String planId, String store, Instant started,
		Instant finished, Map<Outcome, Long> counts, List<Long> runs) {

	/** The summary as JSON, with a count for every outcome. */
	public Map<String, Object> toJson() {
		Map<String, Object> outcomeCounts = new LinkedHashMap<>();
		for (Outcome outcome : Outcome.values()) {
			outcomeCounts.put(outcome.label(), counts.getOrDefault(outcome, 0L));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", runId);
		json.put("job", job);
		json.put("action", action);
		json.put("mode", mode.label());
		json.put("status", status);
		json.put("parameters", parameters);
		json.put("executor", executor);
		json.put("environment", environment);
		json.put("planId", planId);
		json.put("store", store);
		json.put("started", (started == null) ? null : started.toString());
		json.put("finished", (finished == null) ? null : finished.toString());
		json.put("counts", outcomeCounts);
		json.put("runs", runs);
		return json;
	}

}
