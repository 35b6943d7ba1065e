package io.opsbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.opsbatch.jobs.rollback.RollbackJobConfiguration;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.batch.ExecuteJobConfiguration;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.rollback.ResultsFileRecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * {@code opsbatch rollback <run-id>}: plan the inverse of an executed run, from its audit records or, with
 * {@code --results}, from its results file. The plan is approved and executed like any other.
 */
@Command(name = "rollback", description = "Plan the inverse of an executed run (then approve and execute it).")
class RollbackCommand extends CommandBase {

	@Parameters(index = "0", arity = "0..1", paramLabel = "<run-id>", description = "The execute run to undo.")
	Long runId;

	@Option(names = "--results", paramLabel = "<file>", description = "Build the inverse from this results.json instead.")
	Path resultsFile;

	@Option(names = "--execute", description = "Apply an approved rollback plan.")
	boolean execute;

	@Option(names = "--plan", paramLabel = "<plan-id>", description = "The approved rollback plan to execute.")
	String planId;

	private final JobRepository jobRepository;

	private final PlanRuns planRuns;

	RollbackCommand(TargetEnvironment environment, JobRepository jobRepository, PlanRuns planRuns) {
		super(environment);
		this.jobRepository = jobRepository;
		this.planRuns = planRuns;
	}

	@Override
	int run(Console console) {
		if (execute) {
			return planRuns.execute(console, planId, null, identity());
		}
		Map<String, Object> source = (resultsFile != null) ? fromResults() : fromRun();
		long sourceRun = ((Number) source.get("id")).longValue();
		console.field("rollback of", "run " + sourceRun + " (" + source.get("action") + ", plan " + source.get("planId")
				+ ")");
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("run", sourceRun);
		parameters.put("plan", source.get("planId"));
		parameters.put("source", (resultsFile != null) ? "results-file" : "audit");
		RunParameters run = new RunParameters(UUID.randomUUID().toString(), "rollback." + source.get("action"),
				(String) source.get("store"), parameters, identity(), sourceRun);
		Map<String, String> extra = new HashMap<>();
		extra.put(RollbackJobConfiguration.SOURCE_PLAN, (String) source.get("planId"));
		if (resultsFile != null) {
			extra.put(RollbackJobConfiguration.RESULTS_FILE, resultsFile.toAbsolutePath().toString());
		}
		return planRuns.dryRun(console, RollbackJobConfiguration.JOB_NAME, run, extra);
	}

	private Map<String, Object> fromRun() {
		if (runId == null) {
			throw new InvalidInputException("rollback needs a <run-id> (or --results <file>)");
		}
		JobExecution execution = RunsCommand.find(jobRepository, runId);
		if (!ExecuteJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
			throw new InvalidInputException("run " + runId + " is a " + execution.getJobInstance().getJobName()
					+ " run; only execute runs change anything and can be rolled back");
		}
		RunParameters run = RunParameters.of(execution.getJobParameters());
		Map<String, Object> source = new HashMap<>();
		source.put("id", runId);
		source.put("action", run.action());
		source.put("planId", run.planId());
		source.put("store", run.store());
		return source;
	}

	private Map<String, Object> fromResults() {
		if (!Files.isRegularFile(resultsFile)) {
			throw new InvalidInputException("--results " + resultsFile + ": no such file");
		}
		Map<String, Object> summary = ResultsFileRecordReader.summary(resultsFile);
		if (!"execute".equals(summary.get("mode"))) {
			throw new InvalidInputException("--results " + resultsFile + " is the results of a " + summary.get("mode")
					+ " run; only execute runs can be rolled back");
		}
		if (runId != null && runId != ((Number) summary.get("id")).longValue()) {
			throw new InvalidInputException("--results " + resultsFile + " belongs to run " + summary.get("id")
					+ ", not " + runId);
		}
		return summary;
	}

}
