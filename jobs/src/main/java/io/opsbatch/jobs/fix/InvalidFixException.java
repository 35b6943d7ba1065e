package io.opsbatch.jobs.fix;

import io.opsbatch.platform.InvalidInputException;

/** A fix definition that cannot be used: the message names the file and, where known, the line. */
public class InvalidFixException extends InvalidInputException {

	public InvalidFixException(String message) {
		super(message);
	}

	public InvalidFixException(String message, Throwable cause) {
		super(message, cause);
	}

}
