package io.opsbatch.platform.plan;

/**
 * A plan item as stored: its values as canonical JSON text, for digesting without parsing.
 *
 * @param seq the position in the plan
 * @param store the target store
 * @param table the table
 * @param keyJson the key as canonical JSON
 * @param beforeJson the before-values as canonical JSON, or null
 * @param afterJson the after-values as canonical JSON, or null
 * @param absentJson the records that must be absent as canonical JSON, or null when there are none
 */
public record StoredItem(long seq, String store, String table, String keyJson, String beforeJson, String afterJson,
		String absentJson) {
}
