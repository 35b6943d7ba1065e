package io.opsbatch.platform.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.opsbatch.platform.RefusedException;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryRuleTest {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	private static final Duration QUIET = Duration.ofMinutes(5);

	@Test
	void a_run_whose_step_wrote_seconds_ago_is_not_recovered() {
		JobExecution run = run(NOW.minusSeconds(3600), NOW.minusSeconds(12));

		assertThatThrownBy(() -> RecoveryRule.requireQuiet(run, NOW, QUIET, false))
			.isInstanceOf(RefusedException.class)
			.hasMessageContaining("run 7 wrote to the job repository 12 s ago")
			.hasMessageContaining("--force");
	}

	@Test
	void a_run_quiet_for_longer_than_the_period_is_recovered() {
		JobExecution run = run(NOW.minusSeconds(3600), NOW.minus(QUIET).minusSeconds(1));

		assertThatCode(() -> RecoveryRule.requireQuiet(run, NOW, QUIET, false)).doesNotThrowAnyException();
	}

	@Test
	void the_latest_write_of_the_run_or_any_step_counts() {
		JobExecution run = run(NOW.minusSeconds(30), NOW.minus(QUIET).minusSeconds(60));

		assertThatThrownBy(() -> RecoveryRule.requireQuiet(run, NOW, QUIET, false))
			.hasMessageContaining("30 s ago");
	}

	@Test
	void force_recovers_a_run_that_wrote_just_now() {
		JobExecution run = run(NOW, NOW);

		assertThatCode(() -> RecoveryRule.requireQuiet(run, NOW, QUIET, true)).doesNotThrowAnyException();
	}

	private static JobExecution run(Instant runUpdated, Instant stepUpdated) {
		JobExecution execution = new JobExecution(7L, new JobInstance(3L, "execute"), new JobParameters());
		execution.setStartTime(local(NOW.minusSeconds(7200)));
		execution.setLastUpdated(local(runUpdated));
		StepExecution step = new StepExecution(11L, "executeApply", execution);
		step.setStartTime(local(NOW.minusSeconds(7000)));
		step.setLastUpdated(local(stepUpdated));
		execution.addStepExecutions(java.util.List.of(step));
		return execution;
	}

	private static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
	}

}
