package io.opsbatch.platform.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.opsbatch.platform.RefusedException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * When a run left STARTED may be marked FAILED ({@code JobOperator.recover}): only once it shows no sign of life.
 * Spring Batch writes a run's and its steps' {@code LAST_UPDATED} at every chunk commit, so a run whose latest write
 * is more recent than the quiet period may still be running in another process; recovering and restarting it would
 * run it twice. A run whose process is known to be dead can be recovered at once with {@code force}.
 */
public final class RecoveryRule {

	private RecoveryRule() {
	}

	/**
	 * Refuse to recover a run that wrote to the job repository within the quiet period.
	 * @param execution the run, still STARTED
	 * @param now the current time
	 * @param quiet how long the run must have written nothing
	 * @param force the operator knows its process is dead
	 * @throws RefusedException naming the run, how long ago it wrote, and how to override
	 */
	public static void requireQuiet(JobExecution execution, Instant now, Duration quiet, boolean force) {
		if (force) {
			return;
		}
		Instant last = lastWrite(execution);
		if (last != null && last.plus(quiet).isAfter(now)) {
			long seconds = Math.max(0, Duration.between(last, now).toSeconds());
			throw new RefusedException("run " + execution.getId() + " wrote to the job repository " + seconds
					+ " s ago: it may still be running in another process; recover it once it has been quiet for "
					+ quiet.toSeconds() + " s (opsbatch.recover-quiet), or add --force if you know its process is dead");
		}
	}

	/** The latest write of a run or any of its steps, or null when none is recorded. */
	static Instant lastWrite(JobExecution execution) {
		LocalDateTime last = latest(execution.getLastUpdated(), execution.getStartTime());
		for (StepExecution step : execution.getStepExecutions()) {
			last = latest(last, latest(step.getLastUpdated(), step.getStartTime()));
		}
		return (last == null) ? null : last.atZone(ZoneId.systemDefault()).toInstant();
	}

	private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
