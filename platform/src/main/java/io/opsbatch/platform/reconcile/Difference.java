package io.opsbatch.platform.reconcile;

import java.util.Map;
import java.util.Objects;

/**
 * One difference between the source of truth and the derived side, with JSON-friendly values.
 *
 * @param kind mismatched, missing or extra
 * @param key the record's key, column to value
 * @param source the compared fields as the source has them, or null when the record is extra
 * @param derived the compared fields as the derived side has them, or null when the record is missing
 */
public record Difference(DifferenceKind kind, Map<String, Object> key, Map<String, Object> source,
		Map<String, Object> derived) {

	public Difference {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(key, "key");
	}

}
