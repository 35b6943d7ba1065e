package io.opsbatch.jobs.orphans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.FindingRepository;
import io.opsbatch.platform.findings.IssueAction;
import io.opsbatch.platform.findings.support.IssueFiling;
import io.opsbatch.platform.issues.IssueFiler;

/**
 * Files the pending findings of a scan run: after the scan itself, and again by {@code orphans file-issues} when the
 * tracker failed. Older pending findings of the same fingerprints are superseded, so only the newest count is
 * reported, and only once.
 */
public class OrphanIssues {

	private final FindingRepository findings;

	private final IssueFiling filing;

	private final OrphanRuleCatalog catalog;

	private final String environment;

	public OrphanIssues(FindingRepository findings, IssueFiling filing, OrphanRuleCatalog catalog, String environment) {
		this.findings = findings;
		this.filing = filing;
		this.catalog = catalog;
		this.environment = environment;
	}

	/** The state a new finding starts in: pending when issues are filed, else none. */
	public Finding.IssueState initialState() {
		return filing.filer().isPresent() ? Finding.IssueState.pending("not filed yet") : Finding.IssueState.NONE;
	}

	/** File every pending finding of a run; returns the run's findings afterwards. */
	public List<Finding> fileRun(long runId) {
		Optional<IssueFiler> filer = filing.filer();
		List<Finding> result = new ArrayList<>();
		for (Finding finding : findings.ofRun(runId)) {
			if (finding.issue().action() != IssueAction.PENDING || filer.isEmpty()) {
				result.add(finding);
				continue;
			}
			findings.supersedePending(finding.fingerprint(), runId);
			Finding.IssueState state = filer.get().file(finding, text(finding));
			findings.updateIssue(finding.id(), state);
			result.add(finding.withIssue(state));
		}
		return result;
	}

	private OrphanIssueText text(Finding finding) {
		Map<String, String> descriptions = new LinkedHashMap<>();
		try {
			descriptions.put(finding.ruleId(), catalog.get(finding.ruleId()).description());
		}
		catch (RuntimeException ex) {
			descriptions.put(finding.ruleId(), "(rule file not found)");
		}
		return new OrphanIssueText(environment, descriptions);
	}

}
