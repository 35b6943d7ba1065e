package io.opsbatch.platform.reconcile;

import io.opsbatch.platform.InvalidInputException;

/**
 * A comparison could not read a side: the query failed, keys are duplicated or not in the order the strategy needs.
 * Nothing was planned. Exit code 2.
 */
public class ComparisonFailedException extends InvalidInputException {

	public ComparisonFailedException(String message) {
		super(message);
	}

	public ComparisonFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
