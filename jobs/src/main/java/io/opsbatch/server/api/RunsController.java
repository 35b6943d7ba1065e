package io.opsbatch.server.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.cli.Launcher;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.RefusedException;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.batch.ExecuteJobConfiguration;
import io.opsbatch.platform.batch.RecoveryRule;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.config.OpsbatchProperties;
import io.opsbatch.platform.run.RunRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs from the Spring Batch job repository: list, show (steps, duration), audit records, and stop, restart or
 * recover one. Acting on an execute run needs the {@code executor} role; on a dry-run or scan, {@code operator}. A
 * restart is recorded as the authenticated user's: the new run's executor and its audit records name them.
 */
@RestController
@RequestMapping("/api/runs")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RunsController {

	static final int MAX_LIMIT = 500;

	private final RunRepository runs;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Launcher launcher;

	private final AuditRepository audit;

	private final OpsbatchProperties properties;

	private final Clock clock;

	RunsController(RunRepository runs, JobRepository jobRepository, JobOperator jobOperator, Launcher launcher,
			AuditRepository audit, OpsbatchProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.runs = runs;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.launcher = launcher;
		this.audit = audit;
	}

	@GetMapping
	List<Map<String, Object>> list(@RequestParam(defaultValue = "20") int limit) {
		return runs.recentRunIds(limit(limit)).stream().map((id) -> RunViews.summary(jobRepository.getJobExecution(id)))
			.toList();
	}

	@GetMapping("/{id}")
	Map<String, Object> show(@PathVariable long id) {
		JobExecution execution = find(id);
		Map<String, Object> json = RunViews.detail(execution);
		Map<String, Long> outcomes = new LinkedHashMap<>();
		audit.countByOutcome(id).forEach((outcome, count) -> outcomes.put(outcome.label(), count));
		json.put("outcomes", outcomes);
		return json;
	}

	@GetMapping("/{id}/audit")
	Map<String, Object> audit(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
		find(id);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("run", id);
		Map<String, Long> outcomes = new LinkedHashMap<>();
		audit.countByOutcome(id).forEach((outcome, count) -> outcomes.put(outcome.label(), count));
		json.put("outcomes", outcomes);
		json.put("records", audit.ofRun(id, limit(limit)).stream().map(io.opsbatch.platform.audit.AuditRecord::toJson).toList());
		return json;
	}

	@PostMapping("/{id}/stop")
	Map<String, Object> stop(@PathVariable long id, Authentication user) {
		JobExecution execution = find(id);
		requireRoleFor(execution, user);
		try {
			jobOperator.stop(execution);
		}
		catch (JobExecutionNotRunningException ex) {
			throw new RefusedException("run " + id + " is " + execution.getStatus() + ", not running; nothing to stop");
		}
		return RunViews.detail(find(id));
	}

	@PostMapping("/{id}/recover")
	Map<String, Object> recover(@PathVariable long id, @RequestParam(defaultValue = "false") boolean force,
			Authentication user) {
		JobExecution execution = find(id);
		requireRoleFor(execution, user);
		if (!execution.isRunning()) {
			throw new RefusedException("run " + id + " is " + execution.getStatus() + "; only a run left STARTED by a "
					+ "process that died needs recovering");
		}
		RecoveryRule.requireQuiet(execution, clock.instant(), properties.recoverQuiet(), force);
		return RunViews.detail(jobOperator.recover(execution));
	}

	@PostMapping("/{id}/restart")
	Map<String, Object> restart(@PathVariable long id, Authentication user) {
		JobExecution execution = find(id);
		requireRoleFor(execution, user);
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			throw new RefusedException("run " + id + " completed; there is nothing to restart");
		}
		if (execution.isRunning()) {
			throw new RefusedException("run " + id + " is " + execution.getStatus() + "; if its process died, "
					+ "recover it first: POST /api/runs/" + id + "/recover");
		}
		return RunViews.detail(launcher.restart(execution.getJobInstance().getJobName(),
				RunParameters.restartedBy(execution.getJobParameters(), user.getName()), user.getName()));
	}

	private JobExecution find(long id) {
		JobExecution execution;
		try {
			execution = jobRepository.getJobExecution(id);
		}
		catch (EmptyResultDataAccessException ex) {
			execution = null;
		}
		if (execution == null) {
			throw new NotFoundException("no run " + id);
		}
		return execution;
	}

	private static void requireRoleFor(JobExecution execution, Authentication user) {
		boolean execute = ExecuteJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName());
		String role = execute ? "ROLE_executor" : "ROLE_operator";
		if (user.getAuthorities().stream().noneMatch((a) -> role.equals(a.getAuthority()))) {
			throw new AccessDeniedException("run " + execution.getId() + " needs the role "
					+ role.substring("ROLE_".length()));
		}
	}

	static int limit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
		}
		return limit;
	}

}
