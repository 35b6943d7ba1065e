package io.opsbatch.platform.cli;

import java.util.regex.Pattern;

/** Removes credentials from text that is about to be printed, logged or stored (DESIGN invariant 11). */
public final class Secrets {

	private static final Pattern USER_INFO = Pattern.compile("(//)[^/@\\s]*:[^/@\\s]*@");

	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("(?i)((?:password|pwd|secret|token|key)=)[^;&\\s]*");

	/**
	 * An HTTP authorization value: {@code Bearer <token>}, {@code Basic <credentials>}, {@code token <token>}; the
	 * value must hold a digit, so that words ("Basic authentication failed") stay.
	 */
	private static final Pattern AUTHORIZATION = Pattern
		.compile("(?i)\\b(Bearer|Basic|token)\\s+(?=[A-Za-z0-9._~+/=-]*[0-9])[A-Za-z0-9._~+/=-]{8,}");

	/** GitHub's token formats and AWS access key ids, wherever they appear. */
	private static final Pattern KNOWN_TOKEN = Pattern
		.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|(?:AKIA|ASIA)[A-Z0-9]{16})\\b");

	private Secrets() {
	}

	/**
	 * A connection string or message with user:password, password-like parameters, authorization header values and
	 * tokens of known formats masked.
	 */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = USER_INFO.matcher(text).replaceAll("$1***@");
		masked = PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
		masked = AUTHORIZATION.matcher(masked).replaceAll("$1 ***");
		return KNOWN_TOKEN.matcher(masked).replaceAll("***");
	}

}
