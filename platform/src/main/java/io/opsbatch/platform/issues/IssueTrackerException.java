package io.opsbatch.platform.issues;

import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.OpsbatchException;

/** The issue tracker failed or refused a request (after retries where retrying is safe). Never carries a token. */
public class IssueTrackerException extends OpsbatchException {

	public IssueTrackerException(String message) {
		super(message);
	}

	public IssueTrackerException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public int exitCode() {
		return ExitCodes.UNEXPECTED;
	}

}
