package io.opsbatch.jobs.reconcile;

import io.opsbatch.platform.InvalidInputException;

/** A reconciliation file is malformed or names what does not exist; the message names the file and line. Exit 2. */
public class InvalidReconciliationException extends InvalidInputException {

	public InvalidReconciliationException(String message) {
		super(message);
	}

	public InvalidReconciliationException(String message, Throwable cause) {
		super(message, cause);
	}

}
