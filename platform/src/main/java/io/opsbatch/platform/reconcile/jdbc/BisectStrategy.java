package io.opsbatch.platform.reconcile.jdbc;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonStrategy;
import io.opsbatch.platform.reconcile.DifferenceCursor;

/**
 * Sides in different stores, large and mostly equal: checksum bisection in the spirit of data-diff. The key range is
 * split into up to {@code factor} segments; each side computes COUNT and SUM of a 64-bit hash of every row's text per
 * segment in its own database (both sides at once); equal segments are counted as matching without moving a row;
 * differing segments are split again, and rows are fetched and merged only for segments of at most
 * {@code threshold} rows. Integer keys are split by arithmetic; other keys, and integer ranges that end at
 * Long.MAX_VALUE or are wider than 2^63 - 1, at quantiles of the larger side, so any orderable key works and no key
 * arithmetic overflows.
 * <p>
 * It finds exactly the differences of {@link StreamStrategy}: a segment whose checksums differ only in text (1.5 and
 * 1.50, values within a tolerance, two dialects) is fetched and compared by value; two different segments with equal
 * count and 64-bit hash sum would be taken as equal, with a probability of about 2^-64 each.
 */
public class BisectStrategy implements ComparisonStrategy {

	/** The strategy's name. */
	public static final String NAME = "bisect";

	private final int factor;

	private final int threshold;

	private final int fetchSize;

	/**
	 * @param factor the most segments one checksum query splits a range into
	 * @param threshold segments with at most this many rows on each side are fetched and merged
	 * @param fetchSize rows per round trip when fetching
	 */
	public BisectStrategy(int factor, int threshold, int fetchSize) {
		if (factor < 2 || threshold < 1) {
			throw new IllegalArgumentException("bisection needs a factor of at least 2 and a threshold of at least 1");
		}
		this.factor = factor;
		this.threshold = threshold;
		this.fetchSize = fetchSize;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public DifferenceCursor open(Comparison comparison) {
		if (comparison.key().size() != 1) {
			throw new InvalidInputException("strategy bisect needs a single key column; " + comparison.key()
					+ " has " + comparison.key().size() + " (use stream)");
		}
		return new BisectCursor(comparison, new SideSql(comparison.source(), comparison),
				new SideSql(comparison.derived(), comparison), factor, threshold, fetchSize);
	}

}
