package io.opsbatch.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.RefusedException;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.batch.RecoveryRule;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.config.OpsbatchProperties;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.run.RunRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/** {@code opsbatch runs}: the runs in the Spring Batch job repository. */
@Command(name = "runs", description = "List runs; show or restart one.",
		subcommands = { RunsCommand.Show.class, RunsCommand.Restart.class })
class RunsCommand extends CommandBase {

	@Option(names = "--limit", defaultValue = "20", description = "How many runs to list (default ${DEFAULT-VALUE}).")
	int limit;

	private final RunRepository runs;

	private final JobRepository jobRepository;

	RunsCommand(TargetEnvironment environment, RunRepository runs, JobRepository jobRepository) {
		super(environment);
		this.runs = runs;
		this.jobRepository = jobRepository;
	}

	@Override
	int run(Console console) {
		List<List<String>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (Long id : runs.recentRunIds(limit)) {
			JobExecution execution = jobRepository.getJobExecution(id);
			RunParameters run = RunParameters.of(execution.getJobParameters());
			rows.add(List.of(Long.toString(id), execution.getJobInstance().getJobName(), String.valueOf(run.action()),
					execution.getStatus().name(), String.valueOf(execution.getStartTime()), duration(execution),
					String.valueOf(run.executor()), String.valueOf(run.planId())));
			json.add(summary(execution));
		}
		console.data("runs", json);
		console.table(List.of("run", "job", "action", "status", "started", "duration", "executor", "plan"), rows);
		return ok();
	}

	static Map<String, Object> summary(JobExecution execution) {
		RunParameters run = RunParameters.of(execution.getJobParameters());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", execution.getId());
		json.put("job", execution.getJobInstance().getJobName());
		json.put("action", run.action());
		json.put("status", execution.getStatus().name());
		json.put("exitCode", execution.getExitStatus().getExitCode());
		json.put("started", String.valueOf(execution.getStartTime()));
		json.put("ended", String.valueOf(execution.getEndTime()));
		json.put("durationMillis", millis(execution));
		json.put("executor", run.executor());
		json.put("plan", run.planId());
		json.put("parameters", run.parameters());
		return json;
	}

	static String duration(JobExecution execution) {
		Long millis = millis(execution);
		return (millis == null) ? "-" : String.format("%.1fs", millis / 1000.0);
	}

	private static Long millis(JobExecution execution) {
		LocalDateTime start = execution.getStartTime();
		LocalDateTime end = execution.getEndTime();
		return (start == null || end == null) ? null : Duration.between(start, end).toMillis();
	}

	static JobExecution find(JobRepository jobRepository, long runId) {
		JobExecution execution;
		try {
			execution = jobRepository.getJobExecution(runId);
		}
		catch (org.springframework.dao.EmptyResultDataAccessException ex) {
			execution = null;
		}
		if (execution == null) {
			throw new InvalidInputException("no run " + runId + " (list runs with: opsbatch runs)");
		}
		return execution;
	}

	/** {@code opsbatch runs show <run-id>}. */
	@Command(name = "show", description = "Show a run: status, parameters, step counts, outcomes, duration.")
	static class Show extends CommandBase {

		@Parameters(index = "0", paramLabel = "<run-id>")
		long runId;

		private final JobRepository jobRepository;

		private final AuditRepository audit;

		private final ResultsFileWriter results;

		Show(TargetEnvironment environment, JobRepository jobRepository, AuditRepository audit,
				ResultsFileWriter results) {
			super(environment);
			this.jobRepository = jobRepository;
			this.audit = audit;
			this.results = results;
		}

		@Override
		int run(Console console) {
			JobExecution execution = find(jobRepository, runId);
			Map<String, Object> summary = summary(execution);
			summary.forEach(console::field);
			Map<String, Long> outcomes = new LinkedHashMap<>();
			audit.countByOutcome(runId).forEach((outcome, count) -> outcomes.put(outcome.label(), count));
			console.field("outcomes", outcomes);
			List<List<String>> rows = new ArrayList<>();
			List<Map<String, Object>> steps = new ArrayList<>();
			for (StepExecution step : execution.getStepExecutions()) {
				rows.add(List.of(step.getStepName(), step.getStatus().name(), Long.toString(step.getReadCount()),
						Long.toString(step.getFilterCount()), Long.toString(step.getWriteCount()),
						Long.toString(step.getCommitCount()), Long.toString(step.getRollbackCount())));
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("name", step.getStepName());
				json.put("status", step.getStatus().name());
				json.put("read", step.getReadCount());
				json.put("filtered", step.getFilterCount());
				json.put("written", step.getWriteCount());
				json.put("commits", step.getCommitCount());
				json.put("rollbacks", step.getRollbackCount());
				steps.add(json);
			}
			console.data("steps", steps);
			console.table(List.of("step", "status", "read", "skipped", "written", "commits", "rollbacks"), rows);
			if (!execution.getAllFailureExceptions().isEmpty()) {
				console.field("failure", io.opsbatch.platform.cli.Secrets
					.mask(String.valueOf(execution.getAllFailureExceptions().get(0).getMessage())));
			}
			console.field("results", results.pathOf(runId).toString());
			return ok();
		}

	}

	/** {@code opsbatch runs restart <run-id>}. */
	@Command(name = "restart",
			description = "Continue a failed or stopped run from its last committed chunk (same job instance), "
					+ "recorded as run by you (--as).")
	static class Restart extends CommandBase {

		@Parameters(index = "0", paramLabel = "<run-id>")
		long runId;

		@Option(names = "--recover", description = "The run's process died (status still STARTED): mark it FAILED first.")
		boolean recover;

		@Option(names = "--force", description = "With --recover: its process is known to be dead; do not wait for "
				+ "the run to have been quiet for opsbatch.recover-quiet.")
		boolean force;

		private final JobRepository jobRepository;

		private final JobOperator jobOperator;

		private final Launcher launcher;

		private final PlanRuns planRuns;

		private final OpsbatchProperties properties;

		private final Clock clock;

		Restart(TargetEnvironment environment, JobRepository jobRepository, JobOperator jobOperator, Launcher launcher,
				PlanRuns planRuns, OpsbatchProperties properties, Clock clock) {
			super(environment);
			this.properties = properties;
			this.clock = clock;
			this.jobRepository = jobRepository;
			this.jobOperator = jobOperator;
			this.launcher = launcher;
			this.planRuns = planRuns;
		}

		@Override
		int run(Console console) {
			JobExecution execution = find(jobRepository, runId);
			if (execution.isRunning() && recover) {
				RecoveryRule.requireQuiet(execution, clock.instant(), properties.recoverQuiet(), force);
				execution = jobOperator.recover(execution);
			}
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				throw new RefusedException("run " + runId + " completed; there is nothing to restart");
			}
			if (execution.isRunning()) {
				throw new RefusedException("run " + runId + " is " + execution.getStatus() + "; if its process died, "
						+ "restart it with: opsbatch runs restart " + runId + " --recover");
			}
			console.field("restarting", "run " + runId + " (" + execution.getJobInstance().getJobName() + ")");
			JobExecution restarted = launcher.restart(execution.getJobInstance().getJobName(),
					RunParameters.restartedBy(execution.getJobParameters(), identity()), identity());
			return planRuns.report(console, restarted);
		}

	}


}
