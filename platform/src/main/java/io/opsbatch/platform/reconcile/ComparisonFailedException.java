package io.opsbatch.platform.reconcile;

import java.util.Arrays;
import java.util.List;

import io.opsbatch.platform.InvalidInputException;

/**
 * A comparison could not read a side: the query failed, keys are null, duplicated or not in the order the strategy
 * needs. Nothing was planned. Exit code 2.
 */
public class ComparisonFailedException extends InvalidInputException {

	public ComparisonFailedException(String message) {
		super(message);
	}

	public ComparisonFailedException(String message, Throwable cause) {
		super(message, cause);
	}

	/** A side with several rows for one key, e.g. a source query without its GROUP BY. */
	public static ComparisonFailedException duplicateKey(String side, Object[] key) {
		return new ComparisonFailedException(side + " returned key " + Arrays.toString(key) + " more than once: keys "
				+ "must be unique on both sides (one row per key)");
	}

	/** A side with a row whose key has a null column. */
	public static ComparisonFailedException nullKey(String side, List<String> key) {
		return new ComparisonFailedException(side + " returned a row with a null key " + key + ": key columns must be "
				+ "non-null on both sides");
	}

}
