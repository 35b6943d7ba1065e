package io.opsbatch.platform.findings;

/** How serious a finding is, by the runbook: nothing to do, handle each record by hand, or open an issue. */
public enum Severity {

	/** Nothing found (below the individual threshold). */
	OK,

	/** A few records: an operator handles them one by one. */
	INDIVIDUAL,

	/** Enough records to track in an issue. */
	ISSUE

}
