package io.opsbatch.platform.schedule.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.RefusedException;
import io.opsbatch.platform.cli.Secrets;
import io.opsbatch.platform.launch.Operations;
import io.opsbatch.platform.schedule.ScheduleFire;
import io.opsbatch.platform.schedule.ScheduleFireRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobRestartException;

/**
 * What a schedule fire does: launch the schedule's operation as {@code scheduler:<schedule>}, exactly as the CLI and
 * the API launch it, and record the fire. A refusal (the same run is already in progress, a safety rule) and bad
 * parameters are recorded outcomes, not scheduler errors: the next fire comes as planned.
 */
public class ScheduledLaunches {

	/** The executor prefix scheduled runs are recorded with. */
	public static final String EXECUTOR_PREFIX = "scheduler:";

	private static final Logger log = LoggerFactory.getLogger(ScheduledLaunches.class);

	private final Operations operations;

	private final ScheduleFireRepository fires;

	private final Clock clock;

	public ScheduledLaunches(Operations operations, ScheduleFireRepository fires, Clock clock) {
		this.operations = operations;
		this.fires = fires;
		this.clock = clock;
	}

	/**
	 * Launch one fire and record it; never throws for a refused or failed launch.
	 * @return the recorded outcome
	 */
	public String launch(String schedule, String operation, Map<String, String> parameters, String kind,
			Instant scheduledAt, String instanceId) {
		long fire = fires.start(schedule, kind, scheduledAt, clock.instant(), instanceId);
		Long runId = null;
		String outcome;
		String message = null;
		try {
			JobExecution execution = operations.get(operation).launch(parameters, EXECUTOR_PREFIX + schedule);
			runId = execution.getId();
			outcome = execution.getStatus().name();
			if (!execution.getAllFailureExceptions().isEmpty()) {
				message = execution.getAllFailureExceptions().get(0).getMessage();
			}
		}
		catch (InvalidInputException ex) {
			outcome = ScheduleFire.INVALID;
			message = ex.getMessage();
		}
		catch (RuntimeException ex) {
			outcome = refused(ex) ? ScheduleFire.REFUSED : ScheduleFire.ERROR;
			message = rootMessage(ex);
			if (outcome.equals(ScheduleFire.ERROR)) {
				log.error("schedule {} could not launch {}", schedule, operation, ex);
			}
		}
		message = (message == null) ? null : Secrets.mask(message);
		fires.finish(fire, runId, outcome, message, clock.instant());
		log.info("schedule {} fired ({}, due {}): {} run {}{}", schedule, kind, scheduledAt, outcome, runId,
				(message == null) ? "" : ": " + message);
		return outcome;
	}

	private static boolean refused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RefusedException || cause instanceof JobExecutionAlreadyRunningException
					|| cause instanceof JobInstanceAlreadyCompleteException || cause instanceof JobRestartException) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			if (root instanceof RefusedException) {
				break;
			}
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
