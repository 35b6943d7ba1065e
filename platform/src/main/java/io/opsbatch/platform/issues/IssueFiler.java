package io.opsbatch.platform.issues;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.opsbatch.platform.cli.Secrets;
import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.Finding.IssueState;
import io.opsbatch.platform.findings.Fingerprint;
import io.opsbatch.platform.findings.IssueAction;
import io.opsbatch.platform.findings.Severity;

/**
 * Decides and does what a finding means in the issue tracker, without ever opening a second issue for one
 * fingerprint (it always looks for the open issue first) or adding a run's comment twice (the comment carries the
 * run's marker, looked for before posting).
 * <ul>
 * <li>ISSUE: comment on the open issue, or create one when there is none;</li>
 * <li>INDIVIDUAL: comment on the open issue if there is one (it still tracks the orphans), else nothing;</li>
 * <li>OK: comment on and close the open issue ({@code closeOnOk}), or only comment; nothing when none is open.</li>
 * </ul>
 * A tracker failure never loses the finding: the result is a PENDING state with the (secret-free) reason, which a
 * later call completes.
 */
public class IssueFiler {

	/** How far the tracker's clock may be behind ours when looking for a comment an earlier attempt added. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

	private final IssueTracker tracker;

	private final List<String> labels;

	private final boolean closeOnOk;

	public IssueFiler(IssueTracker tracker, List<String> labels, boolean closeOnOk) {
		this.tracker = tracker;
		this.labels = List.copyOf(labels);
		this.closeOnOk = closeOnOk;
	}

	/** File a finding and return what was done. */
	public IssueState file(Finding finding, IssueText text) {
		Fingerprint fingerprint = finding.fingerprint();
		try {
			Optional<Issue> open = tracker.findOpen(fingerprint);
			if (open.isPresent()) {
				Issue issue = open.get();
				String marker = fingerprint.commentMarker(finding.runId());
				tracker.comment(issue.number(), text.comment(finding) + "\n\n" + marker + "\n", marker,
						finding.scannedAt().minus(CLOCK_SKEW));
				if (finding.severity() == Severity.OK && closeOnOk) {
					tracker.close(issue.number());
					return new IssueState(IssueAction.CLOSED, issue.number(), issue.url(), null);
				}
				return new IssueState(IssueAction.COMMENTED, issue.number(), issue.url(), null);
			}
			if (finding.severity() != Severity.ISSUE) {
				return IssueState.NONE;
			}
			Issue created = tracker.create(fingerprint, text.title(finding),
					text.body(finding) + "\n\n" + fingerprint.marker() + "\n", labels);
			return new IssueState(IssueAction.CREATED, created.number(), created.url(), null);
		}
		catch (IssueTrackerException ex) {
			return IssueState.pending(Secrets.mask(ex.getMessage()));
		}
	}

	/** Where the issues go. */
	public String describe() {
		return tracker.describe();
	}

}
