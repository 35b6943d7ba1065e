package io.opsbatch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.jobs.orphans.OrphanScanOperation;
import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.FindingRepository;
import io.opsbatch.platform.findings.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.job.JobExecution;

/** {@code opsbatch orphans scan}: the read-only scan; exit 5 when a rule is at ISSUE. */
@Command(name = "scan", description = "Scan orphan rules (read-only); exit 5 when a rule reaches ISSUE severity.")
class OrphansCommandScan extends CommandBase {

	@Option(names = "--rule", paramLabel = "<rule>", description = "A rule to scan (repeatable; default: all).")
	List<String> rules = List.of();

	@Option(names = "--strategy", paramLabel = "<strategy>",
			description = "auto (default: pushdown when both tables share a database), pushdown or streaming.")
	String strategy;

	private final OrphanScanOperation operation;

	private final FindingRepository findings;

	private final Launcher launcher;

	private final ResultsFileWriter results;

	OrphansCommandScan(TargetEnvironment environment, OrphanScanOperation operation, FindingRepository findings,
			Launcher launcher, ResultsFileWriter results) {
		super(environment);
		this.operation = operation;
		this.findings = findings;
		this.launcher = launcher;
		this.results = results;
	}

	@Override
	int run(Console console) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (!rules.isEmpty()) {
			parameters.put(OrphanScanOperation.RULES, String.join(",", rules));
		}
		if (strategy != null) {
			parameters.put(OrphanScanOperation.STRATEGY, strategy);
		}
		console.field("mode", "scan (read-only: nothing is changed)");
		JobExecution execution = operation.launch(parameters, identity());
		OpsbatchException failure = launcher.failure(execution);
		List<Finding> found = findings.ofRun(execution.getId());
		OrphansCommand.printFindings(console, found, false);
		for (Finding f : found) {
			if (f.severity() != Severity.OK) {
				console.line(f.ruleId() + ": " + ((f.sample().size() < f.count()) ? "first " + f.sample().size() + " keys: "
						: "keys: ") + f.sample());
			}
		}
		console.field("run", execution.getId());
		console.field("results", results.pathOf(execution.getId()).toString());
		if (failure != null) {
			throw failure;
		}
		long pending = found.stream().filter((f) -> f.issue().action() == io.opsbatch.platform.findings.IssueAction.PENDING).count();
		if (pending > 0) {
			console.line(pending + " issue updates are pending (the tracker failed); complete them with: opsbatch "
					+ "orphans file-issues " + execution.getId() + " (the next scan also does)");
		}
		boolean issue = found.stream().anyMatch((f) -> f.severity() == Severity.ISSUE);
		if (issue) {
			console.line("plan a cleanup with: opsbatch orphans cleanup <rule>");
			return ExitCodes.ISSUE_FOUND;
		}
		return ok();
	}

}
