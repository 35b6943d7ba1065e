package io.opsbatch.platform.audit;

/**
 * An audit record as stored, its values still canonical JSON text: results files stream these without parsing and
 * re-serializing every value.
 *
 * @param timestamp ISO-8601 instant
 * @param action the action
 * @param store the target store
 * @param table the table
 * @param keyJson the key as canonical JSON
 * @param beforeJson the before-values as canonical JSON, or null
 * @param afterJson the after-values as canonical JSON, or null
 * @param executor who ran the run
 * @param mode dry-run or execute
 * @param outcome the outcome label
 * @param runId the run
 * @param planId the plan
 * @param seq the item's position in its plan
 */
public record StoredAuditRecord(String timestamp, String action, String store, String table, String keyJson,
		String beforeJson, String afterJson, String executor, String mode, String outcome, long runId, String planId,
		long seq) {
}
