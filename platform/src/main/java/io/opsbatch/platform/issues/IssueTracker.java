package io.opsbatch.platform.issues;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.opsbatch.platform.findings.Fingerprint;

/**
 * Where findings become issues. Every call may fail with {@link IssueTrackerException} after the implementation's
 * retries; callers keep the finding and retry later, which is safe because {@link #findOpen} comes before every
 * {@link #create} and {@link #comment} looks for its marker before it posts.
 */
public interface IssueTracker {

	/** Where issues go, for output (e.g. {@code github.com/acme/shop}); never holds credentials. */
	String describe();

	/** The open issue carrying this fingerprint's label and marker, if any. */
	Optional<Issue> findOpen(Fingerprint fingerprint);

	/** Open an issue with the fingerprint's label plus the configured ones. */
	Issue create(Fingerprint fingerprint, String title, String body, List<String> extraLabels);

	/**
	 * Add a comment to an issue once. The body carries {@code marker}; a comment with that marker updated since
	 * {@code since} means an earlier attempt went through (its answer was lost), and nothing is posted again.
	 */
	void comment(long number, String body, String marker, Instant since);

	/** Close an issue as completed. */
	void close(long number);

}
