package io.opsbatch.platform.findings;

import java.util.List;

/** The findings of scans, in the platform database. */
public interface FindingRepository {

	/** Store a new finding; returns it with its id. */
	Finding save(Finding finding);

	/** Record what was done in the issue tracker for a stored finding. */
	void updateIssue(long findingId, Finding.IssueState issue);

	/** The findings of a run, by rule id. */
	List<Finding> ofRun(long runId);

	/** The latest findings, newest first, of one rule (all rules when null). */
	List<Finding> history(String ruleId, int limit);

	/** Mark the PENDING findings of a fingerprint from runs before {@code runId} as superseded by it. */
	int supersedePending(Fingerprint fingerprint, long runId);

}
