package io.opsbatch.platform.cli;

import java.util.regex.Pattern;

/** Removes credentials from text that is about to be printed, logged or stored (DESIGN invariant 11). */
public final class Secrets {

	private static final Pattern USER_INFO = Pattern.compile("(//)[^/@\\s]*:[^/@\\s]*@");

	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("(?i)((?:password|pwd|secret|token|key)=)[^;&\\s]*");

	private Secrets() {
	}

	/** A connection string or message with user:password and password-like parameters masked. */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = USER_INFO.matcher(text).replaceAll("$1***@");
		return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
	}

}
