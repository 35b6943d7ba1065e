package io.opsbatch.jobs.orphans;

import java.nio.file.Path;
import java.util.List;

import io.opsbatch.platform.findings.Thresholds;

/**
 * A reviewed orphan rule, {@code config/orphan-rules/<id>.yml}: child rows whose foreign key names no parent row.
 *
 * @param id the file name without {@code .yml}
 * @param description what the orphans are, in words
 * @param ticket an optional reference
 * @param child the table that refers
 * @param parent the table referred to
 * @param thresholds how counts are rated
 * @param sampleSize how many keys a finding at ISSUE keeps
 * @param strategy how to scan (auto: pushdown when both tables share a database)
 * @param cleanup what {@code orphans cleanup} plans for each orphan
 * @param source the file
 */
public record OrphanRule(String id, String description, String ticket, Child child, Parent parent,
		Thresholds thresholds, int sampleSize, ScanStrategy strategy, CleanupAction cleanup, Path source) {

	/** Keys kept per finding: the sample, or all of them below the issue threshold, at most this many. */
	public static final int MAX_KEYS_KEPT = 1000;

	/** How many keys a finding keeps: every key below the issue threshold, a sample above it. */
	public int keysKept() {
		long individualMax = thresholds.issueFrom() - 1;
		return (int) Math.min(MAX_KEYS_KEPT, Math.max(sampleSize, individualMax));
	}

	/** The action recorded in plans and audit records of a cleanup. */
	public String cleanupAction() {
		return "orphans.cleanup." + id;
	}

	/**
	 * The referring side.
	 *
	 * @param store a configured store
	 * @param table the table
	 * @param key its unique key columns (the order of scans and cleanups)
	 * @param foreignKey the columns that refer to the parent's key, in the parent key's order
	 * @param where an optional SQL filter on child rows
	 */
	public record Child(String store, String table, List<String> key, List<String> foreignKey, String where) {
	}

	/**
	 * The referred side.
	 *
	 * @param store a configured store
	 * @param table the table
	 * @param key the columns the child's foreign key refers to
	 */
	public record Parent(String store, String table, List<String> key) {
	}

	/** What cleanup plans for an orphan. */
	public enum CleanupAction {

		/** Delete the child row (its whole row is kept as {@code before}, so rollback re-inserts it). */
		DELETE,

		/** Set the foreign key columns to null. */
		NULLIFY

	}

}
