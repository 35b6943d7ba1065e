package io.opsbatch.platform.cli;

import java.util.Map;

import io.opsbatch.platform.InvalidInputException;

/**
 * Who is running a command: {@code --as}, else {@code OPSBATCH_USER}, else the operating system user. Recorded as
 * requester, approver and executor.
 */
public final class Identity {

	private Identity() {
	}

	/**
	 * Resolve the identity.
	 * @param as the value of {@code --as}, or null
	 * @param environment the process environment
	 * @param osUser the operating system user name
	 */
	public static String resolve(String as, Map<String, String> environment, String osUser) {
		String identity = firstNonBlank(as, environment.get("OPSBATCH_USER"), osUser);
		if (identity == null) {
			throw new InvalidInputException("cannot tell who you are: pass --as <user> or set OPSBATCH_USER");
		}
		if (!identity.matches("[\\p{L}\\p{N}._@+-]{1,200}")) {
			throw new InvalidInputException("--as '" + identity + "' is not a valid user name (letters, digits, . _ @ + -)");
		}
		return identity;
	}

	/** The identity of the current process. */
	public static String current(String as) {
		return resolve(as, System.getenv(), System.getProperty("user.name"));
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

}
