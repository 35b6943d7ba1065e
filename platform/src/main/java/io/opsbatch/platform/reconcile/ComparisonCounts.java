package io.opsbatch.platform.reconcile;

/**
 * The outcome of a comparison, counted per category.
 *
 * @param matching records on both sides with equal fields (within tolerance)
 * @param mismatched records on both sides with a different field
 * @param missing records only in the source
 * @param extra records only on the derived side
 */
public record ComparisonCounts(long matching, long mismatched, long missing, long extra) {

	/** No records at all. */
	public static final ComparisonCounts NONE = new ComparisonCounts(0, 0, 0, 0);

	/** All differences. */
	public long differences() {
		return mismatched + missing + extra;
	}

	/** The sum of two counts. */
	public ComparisonCounts plus(ComparisonCounts other) {
		return new ComparisonCounts(matching + other.matching, mismatched + other.mismatched, missing + other.missing,
				extra + other.extra);
	}

}
