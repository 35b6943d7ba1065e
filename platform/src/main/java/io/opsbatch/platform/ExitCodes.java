package io.opsbatch.platform;

/** The exit codes every opsbatch command uses; the README documents them for operators. */
public final class ExitCodes {

	/** The command did what it was asked. */
	public static final int OK = 0;

	/** Something failed that the operator did not cause (a bug, a crash, an unreachable store mid-run). */
	public static final int UNEXPECTED = 1;

	/** Usage or validation error: unknown job, bad parameter, invalid config file. Nothing was changed. */
	public static final int INVALID_INPUT = 2;

	/** Refused by a safety rule: unapproved, expired, rejected, stale or already executed plan, self-approval. */
	public static final int REFUSED = 3;

	/** The run completed, but some items were conflicts and were not applied. */
	public static final int CONFLICTS = 4;

	/** A scan completed and found a rule at ISSUE severity. */
	public static final int ISSUE_FOUND = 5;

	private ExitCodes() {
	}

}
