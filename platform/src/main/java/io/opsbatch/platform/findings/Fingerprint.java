package io.opsbatch.platform.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies what a finding is about across runs: rule id + store + table. An issue carries it twice, as a hidden
 * marker in its body and as a short label, so a later scan finds the issue again instead of opening another.
 *
 * @param value {@code <rule>@<store>.<table>}
 */
public record Fingerprint(String value) {

	/** The fingerprint of a rule's finding. */
	public static Fingerprint of(String ruleId, String store, String table) {
		return new Fingerprint(ruleId + "@" + store + "." + table);
	}

	/** The hidden marker kept in an issue body. */
	public String marker() {
		return "<!-- opsbatch-fingerprint: " + value + " -->";
	}

	/**
	 * The hidden marker kept in the comment a run adds to the issue: a later attempt for the same run (a retry after
	 * a lost answer, or {@code orphans file-issues}) finds it and does not comment twice.
	 */
	public String commentMarker(long runId) {
		return "<!-- opsbatch-finding: " + value + " run " + runId + " -->";
	}

	/** A label of at most 50 characters (GitHub's limit): {@code opsbatch-} and 12 hex digits of SHA-256. */
	public String label() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return "opsbatch-" + HexFormat.of().formatHex(digest).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return value;
	}

}
