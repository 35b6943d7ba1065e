package io.opsbatch.jobs.orphans;

import io.opsbatch.platform.InvalidInputException;

/** An orphan rule that cannot be used: the message names the file and, where known, the line. Exit code 2. */
public class InvalidOrphanRuleException extends InvalidInputException {

	public InvalidOrphanRuleException(String message) {
		super(message);
	}

	public InvalidOrphanRuleException(String message, Throwable cause) {
		super(message, cause);
	}

}
