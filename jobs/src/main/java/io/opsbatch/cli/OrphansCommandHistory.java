package io.opsbatch.cli;

import java.util.ArrayList;
import java.util.List;

import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.FindingRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opsbatch orphans history}: the counts of the last scans, newest first, and the trend of a rule. */
@Command(name = "history", description = "Show the findings of the last scans (newest first) and a rule's trend.")
class OrphansCommandHistory extends CommandBase {

	@Option(names = "--rule", paramLabel = "<rule>", description = "Only this rule.")
	String rule;

	@Option(names = "--limit", defaultValue = "10", description = "How many findings (default ${DEFAULT-VALUE}).")
	int limit;

	private final FindingRepository findings;

	OrphansCommandHistory(TargetEnvironment environment, FindingRepository findings) {
		super(environment);
		this.findings = findings;
	}

	@Override
	int run(Console console) {
		if (limit < 1) {
			throw new io.opsbatch.platform.InvalidInputException("--limit must be at least 1");
		}
		List<Finding> history = findings.history(rule, limit);
		OrphansCommand.printFindings(console, history, true);
		if (rule != null && !history.isEmpty()) {
			List<String> counts = new ArrayList<>();
			for (int i = history.size() - 1; i >= 0; i--) {
				counts.add(Long.toString(history.get(i).count()));
			}
			console.field("trend", String.join(" -> ", counts) + " (oldest to newest)");
		}
		if (history.isEmpty()) {
			console.line("no findings yet" + (rule == null ? "" : " for rule " + rule) + "; run: opsbatch orphans scan");
		}
		return ok();
	}

}
