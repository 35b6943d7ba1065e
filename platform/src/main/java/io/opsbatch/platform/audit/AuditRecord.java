package io.opsbatch.platform.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;

/**
 * One audited change, in both modes (DESIGN section 3).
 *
 * @param timestamp when the change was planned or applied
 * @param action what did it, e.g. {@code fix.reset-stuck-orders}
 * @param change the target and its before/after values
 * @param executor who ran the run
 * @param mode dry-run or execute
 * @param outcome planned, applied, already-applied or conflict
 * @param runId the run (job execution id)
 * @param planId the plan the change belongs to
 * @param seq the change's position in its plan
 */
public record AuditRecord(Instant timestamp, String action, Change change, String executor, Mode mode,
		Outcome outcome, long runId, String planId, long seq) {

	/** The record in the runbook's JSON shape; keys in a fixed order. */
	public Map<String, Object> toJson() {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("store", change.store());
		target.put("table", change.table());
		target.put("key", change.key());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("timestamp", timestamp.toString());
		json.put("action", action);
		json.put("target", target);
		json.put("before", change.before());
		json.put("after", change.after());
		json.put("executor", executor);
		json.put("mode", mode.label());
		json.put("outcome", outcome.label());
		json.put("runId", runId);
		json.put("planId", planId);
		json.put("seq", seq);
		return json;
	}

	/** Whether a record describes a dry-run or a real change. */
	public enum Mode {

		DRY_RUN("dry-run"), EXECUTE("execute");

		private final String label;

		Mode(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public static Mode ofLabel(String label) {
			return "execute".equals(label) ? EXECUTE : DRY_RUN;
		}

	}

}
