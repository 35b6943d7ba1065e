package io.opsbatch.server.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.cli.Secrets;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Runs as JSON: the same fields as {@code opsbatch runs --json}, with step counts and duration. */
final class RunViews {

	private RunViews() {
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
		json.put("durationMillis", (execution.getStartTime() == null || execution.getEndTime() == null) ? null
				: Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis());
		json.put("executor", run.executor());
		json.put("plan", run.planId());
		json.put("parameters", run.parameters());
		return json;
	}

	static Map<String, Object> detail(JobExecution execution) {
		Map<String, Object> json = summary(execution);
		List<Map<String, Object>> steps = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("name", step.getStepName());
			s.put("status", step.getStatus().name());
			s.put("read", step.getReadCount());
			s.put("filtered", step.getFilterCount());
			s.put("written", step.getWriteCount());
			s.put("commits", step.getCommitCount());
			s.put("rollbacks", step.getRollbackCount());
			steps.add(s);
		}
		json.put("steps", steps);
		if (!execution.getAllFailureExceptions().isEmpty()) {
			json.put("failure", Secrets.mask(String.valueOf(execution.getAllFailureExceptions().get(0).getMessage())));
		}
		return json;
	}

}
