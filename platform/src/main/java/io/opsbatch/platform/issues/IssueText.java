package io.opsbatch.platform.issues;

import io.opsbatch.platform.findings.Finding;

/** The words of the issues for one kind of finding. Bodies must never contain secrets. */
public interface IssueText {

	/** The title of a new issue. */
	String title(Finding finding);

	/** The body of a new issue (the caller appends the fingerprint marker). */
	String body(Finding finding);

	/** A comment with a new scan's result on an open issue. */
	String comment(Finding finding);

}
