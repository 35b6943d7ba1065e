package io.opsbatch.platform.change;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The compare-and-set rule of DESIGN invariant 5, for a record whose conditional write did not apply:
 * a record that already holds {@code after} is {@link Outcome#ALREADY_APPLIED}; anything else is a
 * {@link Outcome#CONFLICT}. Values compare as JSON values: numbers by value, whatever their scale.
 */
public final class CasDecision {

	private CasDecision() {
	}

	/**
	 * Decide what a change means for the record as it is now.
	 * @param change the change that was to be applied
	 * @param current the record's current values (at least the change's columns), or null when absent
	 * @return {@link Outcome#APPLIED} when the record still holds {@code before} (the caller may write),
	 * {@link Outcome#ALREADY_APPLIED} when it holds {@code after}, otherwise {@link Outcome#CONFLICT}
	 */
	public static Outcome decide(Change change, Map<String, Object> current) {
		if (matches(change.after(), current)) {
			return Outcome.ALREADY_APPLIED;
		}
		if (matches(change.before(), current)) {
			return Outcome.APPLIED;
		}
		return Outcome.CONFLICT;
	}

	/** Whether {@code current} holds every value of {@code expected}; null expected means absent. */
	public static boolean matches(Map<String, Object> expected, Map<String, Object> current) {
		if (expected == null || current == null) {
			return expected == null && current == null;
		}
		for (Map.Entry<String, Object> entry : expected.entrySet()) {
			if (!current.containsKey(entry.getKey()) || !sameValue(entry.getValue(), current.get(entry.getKey()))) {
				return false;
			}
		}
		return true;
	}

	/** Equality of two JSON values; numbers compare by value (1.50 equals 1.5, 2 equals 2.0). */
	public static boolean sameValue(Object left, Object right) {
		if (left instanceof Number l && right instanceof Number r) {
			return new BigDecimal(l.toString()).compareTo(new BigDecimal(r.toString())) == 0;
		}
		return Objects.equals(left, right);
	}

}
