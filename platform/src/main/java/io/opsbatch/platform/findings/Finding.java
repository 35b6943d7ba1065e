package io.opsbatch.platform.findings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one scan found for one rule.
 *
 * @param id the database id (null before it is stored)
 * @param runId the scan run
 * @param ruleId the rule
 * @param store the store of the scanned table
 * @param table the scanned table
 * @param count how many records were found
 * @param severity the count rated by the rule's thresholds
 * @param thresholds the thresholds as text
 * @param sample the keys found: all of them below the issue threshold, a capped sample (smallest keys) above it
 * @param listQuery a query that lists all of them
 * @param strategy how the scan ran ({@code pushdown} or {@code streaming})
 * @param scannedAt when the scan of this rule ended
 * @param issue what was done in the issue tracker
 */
public record Finding(Long id, long runId, String ruleId, String store, String table, long count, Severity severity,
		String thresholds, List<Map<String, Object>> sample, String listQuery, String strategy, Instant scannedAt,
		IssueState issue) {

	/** The fingerprint: one issue per fingerprint. */
	public Fingerprint fingerprint() {
		return Fingerprint.of(ruleId, store, table);
	}

	/** This finding with another issue state. */
	public Finding withIssue(IssueState issue) {
		return new Finding(id, runId, ruleId, store, table, count, severity, thresholds, sample, listQuery, strategy,
				scannedAt, issue);
	}

	/**
	 * The issue tracker side of a finding.
	 *
	 * @param action what was done
	 * @param number the issue number, when there is one
	 * @param url the issue's web address, when there is one
	 * @param error why it is pending (no secrets)
	 */
	public record IssueState(IssueAction action, Long number, String url, String error) {

		/** Nothing to do. */
		public static final IssueState NONE = new IssueState(IssueAction.NONE, null, null, null);

		/** Pending for a reason. */
		public static IssueState pending(String error) {
			return new IssueState(IssueAction.PENDING, null, null, error);
		}

	}

}
