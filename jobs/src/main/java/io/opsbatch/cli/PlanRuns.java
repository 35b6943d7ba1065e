package io.opsbatch.cli;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.batch.ExecuteJobConfiguration;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.change.TargetStores;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.config.OpsbatchProperties;
import io.opsbatch.platform.plan.ExecutionGuard;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanRepository;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

/**
 * The two things every operation does through the CLI: run a dry-run that makes a plan, and execute an approved
 * plan. Both print {@code run:}, {@code plan:} and {@code results:} lines and return the command's exit code.
 */
@Component
public class PlanRuns {

	private final Launcher launcher;

	private final PlanRepository plans;

	private final AuditRepository audit;

	private final ResultsFileWriter results;

	private final TargetStores stores;

	private final TargetEnvironment environment;

	private final OpsbatchProperties properties;

	private final Clock clock;

	public PlanRuns(Launcher launcher, PlanRepository plans, AuditRepository audit, ResultsFileWriter results,
			TargetStores stores, TargetEnvironment environment, OpsbatchProperties properties, Clock clock) {
		this.launcher = launcher;
		this.plans = plans;
		this.audit = audit;
		this.results = results;
		this.stores = stores;
		this.environment = environment;
		this.properties = properties;
		this.clock = clock;
	}

	/** Run a planning job and print its plan. */
	public int dryRun(Console console, String jobName, RunParameters run, Map<String, String> extra) {
		JobParametersBuilder builder = new JobParametersBuilder(run.toJobParameters());
		extra.forEach((name, value) -> builder.addString(name, value, false));
		console.field("mode", "dry-run (nothing is changed in " + run.store() + ")");
		console.field("store", run.store() + " = " + stores.get(run.store()).describe());
		JobExecution execution = launcher.run(jobName, builder.toJobParameters());
		return reportDryRun(console, execution);
	}

	/** Print the outcome of a planning run (also after a restart). */
	public int reportDryRun(Console console, JobExecution execution) {
		RunParameters run = RunParameters.of(execution.getJobParameters());
		OpsbatchException failure = launcher.failure(execution);
		if (failure == null) {
			Plan plan = plans.get(run.planId());
			console.field("affected", plan.itemCount());
			Reports.printItems(console, plans.items(plan.id(), properties.previewRows()), plan.itemCount());
		}
		console.field("run", execution.getId());
		console.field("plan", run.planId());
		console.field("results", results.pathOf(execution.getId()).toString());
		if (failure != null) {
			throw failure;
		}
		console.line("next: a second person approves with: opsbatch approve " + run.planId() + " --as <approver>");
		return ExitCodes.OK;
	}

	/**
	 * Execute an approved plan.
	 * @param actionPrefix the action the plan must have been made by (e.g. {@code fix.reset-stuck-orders}), or null
	 */
	public int execute(Console console, String planId, String actionPrefix, String executor) {
		Plan plan = executable(planId, actionPrefix);
		console.field("mode", "execute");
		console.field("store", plan.store() + " = " + stores.get(plan.store()).describe());
		return reportExecute(console, launchExecute(plan, executor));
	}

	/**
	 * The plan, if it may execute now (the CLI and the REST API both call this before {@link #launchExecute}).
	 * @param actionPrefix the action the plan must have been made by, or null
	 * @throws io.opsbatch.platform.RefusedException when a safety rule refuses it
	 */
	public Plan executable(String planId, String actionPrefix) {
		if (planId == null) {
			throw new io.opsbatch.platform.RefusedException("--execute needs --plan <plan-id>: execute applies an "
					+ "approved plan, never a new selection; run the dry-run first");
		}
		Plan plan = plans.get(planId);
		if (actionPrefix != null && !plan.action().equals(actionPrefix)) {
			throw new InvalidInputException("plan " + planId + " was made by " + plan.action() + ", not " + actionPrefix
					+ "; execute it with: opsbatch execute " + planId);
		}
		ExecutionGuard.checkExecutable(plan, environment.name(), clock.instant());
		return plan;
	}

	/** Run the one execute job for a plan that passed {@link #executable}; returns the finished run. */
	public JobExecution launchExecute(Plan plan, String executor) {
		RunParameters run = new RunParameters(plan.id(), plan.action(), plan.store(), plan.parameters(), executor,
				plan.sourceRunId());
		return launcher.run(ExecuteJobConfiguration.JOB_NAME, run.toJobParameters());
	}

	/** Print the outcome of an execute run (also after a restart). */
	public int reportExecute(Console console, JobExecution execution) {
		RunParameters run = RunParameters.of(execution.getJobParameters());
		Map<Outcome, Long> counts = audit.countByOutcome(execution.getId());
		console.field("applied", counts.getOrDefault(Outcome.APPLIED, 0L));
		console.field("already-applied", counts.getOrDefault(Outcome.ALREADY_APPLIED, 0L));
		long conflicts = counts.getOrDefault(Outcome.CONFLICT, 0L);
		console.field("conflicts", conflicts);
		if (conflicts > 0) {
			List<io.opsbatch.platform.audit.AuditRecord> conflicting = audit.ofRun(execution.getId(),
					Outcome.CONFLICT, properties.previewRows());
			console.line("conflicts (changed since the dry-run, left untouched):");
			Reports.printRecords(console, conflicting);
		}
		console.field("run", execution.getId());
		console.field("plan", run.planId());
		console.field("results", results.pathOf(execution.getId()).toString());
		OpsbatchException failure = launcher.failure(execution);
		if (failure != null) {
			throw failure;
		}
		if (conflicts > 0) {
			console.line("completed with " + conflicts + " conflicts: review them, then " + nextAfterConflicts(run));
			return ExitCodes.CONFLICTS;
		}
		console.line("undo with: opsbatch rollback " + execution.getId());
		return ExitCodes.OK;
	}

	/**
	 * What to do once conflicts are reviewed: a reconciliation compares again (the derived side changed since its
	 * dry-run), anything else plans a new fix.
	 */
	static String nextAfterConflicts(RunParameters run) {
		Object reconciliation = run.parameters().get("reconciliation");
		if (run.action().startsWith("reconcile.") && reconciliation != null) {
			Object resource = run.parameters().get("resource");
			return "run the reconciliation again to plan what still differs: opsbatch reconcile " + reconciliation
					+ " " + ((resource != null) ? resource : "--all");
		}
		return "plan a new fix if needed";
	}

	/** Report any run by its kind. */
	public int report(Console console, JobExecution execution) {
		if (ExecuteJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
			return reportExecute(console, execution);
		}
		return reportDryRun(console, execution);
	}

	static JobParameters parameters(RunParameters run) {
		return run.toJobParameters();
	}

}
