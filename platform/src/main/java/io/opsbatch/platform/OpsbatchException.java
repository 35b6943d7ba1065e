package io.opsbatch.platform;

/**
 * Root of every error opsbatch reports to an operator. Each subclass names what went wrong in one line
 * and carries the exit code the CLI returns for it.
 */
public abstract class OpsbatchException extends RuntimeException {

	protected OpsbatchException(String message) {
		super(message);
	}

	protected OpsbatchException(String message, Throwable cause) {
		super(message, cause);
	}

	/** The process exit code for this error (see {@link ExitCodes}). */
	public abstract int exitCode();

}
