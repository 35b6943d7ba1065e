package io.opsbatch.cli;

import java.util.List;

import io.opsbatch.jobs.orphans.OrphanIssues;
import io.opsbatch.jobs.orphans.OrphanResults;
import io.opsbatch.jobs.orphans.OrphanScanJobConfiguration;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.IssueAction;
import io.opsbatch.platform.findings.support.IssueFiling;
import io.opsbatch.platform.issues.IssueTrackerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/** {@code opsbatch orphans file-issues <run-id>}: completes the pending issue updates of a scan run. */
@Command(name = "file-issues", description = "Complete the pending GitHub issue updates of a scan run.")
class OrphansCommandFileIssues extends CommandBase {

	@Parameters(index = "0", paramLabel = "<run-id>", description = "The scan run.")
	long runId;

	private final OrphanIssues issues;

	private final IssueFiling filing;

	private final OrphanResults results;

	private final JobRepository jobRepository;

	OrphansCommandFileIssues(TargetEnvironment environment, OrphanIssues issues, IssueFiling filing,
			OrphanResults results, JobRepository jobRepository) {
		super(environment);
		this.issues = issues;
		this.filing = filing;
		this.results = results;
		this.jobRepository = jobRepository;
	}

	@Override
	int run(Console console) {
		JobExecution execution = jobRepository.getJobExecution(runId);
		if (execution == null || !OrphanScanJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
			throw new InvalidInputException("run " + runId + " is not an orphan scan; see: opsbatch orphans history");
		}
		if (filing.filer().isEmpty()) {
			throw new InvalidInputException("no GitHub repository is configured (opsbatch.github.repo): there is "
					+ "nothing to file issues in");
		}
		List<Finding> findings = issues.fileRun(runId);
		OrphansCommand.printFindings(console, findings, false);
		console.field("run", runId);
		console.field("results", results.write(execution).toString());
		long pending = findings.stream().filter((f) -> f.issue().action() == IssueAction.PENDING).count();
		if (pending > 0) {
			throw new IssueTrackerException(pending + " findings are still pending: " + findings.stream()
				.filter((f) -> f.issue().action() == IssueAction.PENDING)
				.findFirst()
				.map((f) -> f.issue().error())
				.orElse("") + "; try again later");
		}
		return ok();
	}

}
