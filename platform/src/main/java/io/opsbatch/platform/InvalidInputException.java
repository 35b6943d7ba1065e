package io.opsbatch.platform;

/** Bad input from the operator: a parameter, a config file, an id that does not exist. Exit code 2. */
public class InvalidInputException extends OpsbatchException {

	public InvalidInputException(String message) {
		super(message);
	}

	public InvalidInputException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public int exitCode() {
		return ExitCodes.INVALID_INPUT;
	}

}
