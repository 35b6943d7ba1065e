package io.opsbatch.platform.findings;

/** What was done in the issue tracker for a finding. */
public enum IssueAction {

	/** Nothing to do (no tracker configured, or nothing to report). */
	NONE,

	/** Not done yet: the tracker failed or was not reached; {@code orphans file-issues} or the next scan completes it. */
	PENDING,

	/** A newer scan of the same fingerprint reported instead. */
	SUPERSEDED,

	/** An issue was opened. */
	CREATED,

	/** An open issue got a comment with the new count. */
	COMMENTED,

	/** The open issue got a comment and was closed: the count is back at OK. */
	CLOSED

}
