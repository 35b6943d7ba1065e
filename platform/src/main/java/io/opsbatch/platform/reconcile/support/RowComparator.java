package io.opsbatch.platform.reconcile.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opsbatch.platform.change.CasDecision;

/**
 * The equality and order rules every strategy shares. Keys order as numbers when both are numbers and as strings
 * (UTF-16 code units) otherwise, which is the order of the databases' binary ("C") collation for the Basic
 * Multilingual Plane. Fields are equal as JSON values (numbers by value, whatever their scale) or, for a numeric
 * field with a tolerance, when they differ by at most the tolerance. Null equals only null.
 */
public final class RowComparator {

	private final BigDecimal[] tolerance;

	public RowComparator(List<String> fields, Map<String, BigDecimal> tolerance) {
		this.tolerance = fields.stream().map(tolerance::get).toArray(BigDecimal[]::new);
	}

	/** Whether all fields of two rows are equal. */
	public boolean equal(Object[] source, Object[] derived) {
		for (int i = 0; i < tolerance.length; i++) {
			if (!fieldEqual(i, source[i], derived[i])) {
				return false;
			}
		}
		return true;
	}

	/** Whether field {@code i} is equal on both sides. */
	public boolean fieldEqual(int i, Object source, Object derived) {
		if (source == null || derived == null) {
			return source == null && derived == null;
		}
		if (tolerance[i] != null && source instanceof Number s && derived instanceof Number d) {
			return decimal(s).subtract(decimal(d)).abs().compareTo(tolerance[i]) <= 0;
		}
		return CasDecision.sameValue(source, derived);
	}

	/** Compare two keys column by column. */
	public static int compareKeys(Object[] left, Object[] right) {
		for (int i = 0; i < left.length; i++) {
			int order = compareValues(left[i], right[i]);
			if (order != 0) {
				return order;
			}
		}
		return 0;
	}

	/** Compare two key values. */
	public static int compareValues(Object left, Object right) {
		Objects.requireNonNull(left, "a key value is null");
		Objects.requireNonNull(right, "a key value is null");
		if (left instanceof Number l && right instanceof Number r) {
			if (l instanceof Long a && r instanceof Long b) {
				return Long.compare(a, b);
			}
			return decimal(l).compareTo(decimal(r));
		}
		if (left instanceof Boolean l && right instanceof Boolean r) {
			return l.compareTo(r);
		}
		return left.toString().compareTo(right.toString());
	}

	private static BigDecimal decimal(Number number) {
		return (number instanceof BigDecimal d) ? d : new BigDecimal(number.toString());
	}

}
