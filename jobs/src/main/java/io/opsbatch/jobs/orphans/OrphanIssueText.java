package io.opsbatch.jobs.orphans;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.Severity;
import io.opsbatch.platform.issues.IssueText;

/** The issues and comments of orphan findings (Markdown). They hold keys and queries, never credentials. */
class OrphanIssueText implements IssueText {

	private final String environment;

	private final Map<String, String> descriptions;

	OrphanIssueText(String environment, Map<String, String> descriptions) {
		this.environment = environment;
		this.descriptions = descriptions;
	}

	@Override
	public String title(Finding f) {
		return "Orphans: " + f.count() + " rows of " + f.store() + "." + f.table() + " (" + f.ruleId() + ")";
	}

	@Override
	public String body(Finding f) {
		return "opsbatch found **" + f.count() + "** orphan rows in `" + f.store() + "." + f.table() + "` ("
				+ environment + ").\n\n"
				+ "| | |\n|---|---|\n"
				+ "| rule | `" + f.ruleId() + "`: " + descriptions.getOrDefault(f.ruleId(), "") + " |\n"
				+ "| count | " + f.count() + " |\n"
				+ "| severity | " + f.severity() + " |\n"
				+ "| thresholds | " + f.thresholds() + " |\n"
				+ "| scan run | " + f.runId() + " (" + f.scannedAt() + ", " + f.strategy() + ") |\n\n"
				+ sample(f) + listAndCleanup(f);
	}

	@Override
	public String comment(Finding f) {
		if (f.severity() == Severity.OK) {
			// a rule's thresholds may rate a few orphans OK: say how many are left
			String below = (f.count() == 0) ? "" : ", below the issue threshold (" + f.thresholds() + ")";
			return "Scan run " + f.runId() + " (" + f.scannedAt() + "): **" + f.count() + "** orphans in `"
					+ f.store() + "." + f.table() + "`" + below + ": back at OK.";
		}
		return "Scan run " + f.runId() + " (" + f.scannedAt() + "): **" + f.count() + "** orphans in `" + f.store()
				+ "." + f.table() + "` (" + f.severity() + ").\n\n" + sample(f) + listAndCleanup(f);
	}

	private static String sample(Finding f) {
		List<Map<String, Object>> keys = f.sample();
		String heading = (keys.size() < f.count()) ? "First " + keys.size() + " of " + f.count() + " keys" : "Keys";
		return heading + ": " + keys.stream().map(Object::toString).collect(Collectors.joining(", ")) + "\n\n";
	}

	private static String listAndCleanup(Finding f) {
		return "List them all:\n\n```sql\n" + f.listQuery() + "\n```\n\n"
				+ "Plan a cleanup (a dry-run; approve and execute it like any plan):\n\n```\n./opsbatch orphans cleanup "
				+ f.ruleId() + "\n```\n";
	}

}
