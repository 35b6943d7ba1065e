package io.opsbatch.platform;

/** A safety rule refused the request; the message says why and what to do instead. Exit code 3. */
public class RefusedException extends OpsbatchException {

	public RefusedException(String message) {
		super(message);
	}

	@Override
	public int exitCode() {
		return ExitCodes.REFUSED;
	}

}
