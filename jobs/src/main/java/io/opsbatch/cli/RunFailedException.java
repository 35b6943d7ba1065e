package io.opsbatch.cli;

import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.OpsbatchException;

/** A run ended FAILED for a reason the operator did not cause; it can be restarted. Exit code 1. */
public class RunFailedException extends OpsbatchException {

	public RunFailedException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public int exitCode() {
		return ExitCodes.UNEXPECTED;
	}

}
