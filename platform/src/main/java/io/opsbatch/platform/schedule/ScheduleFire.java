package io.opsbatch.platform.schedule;

import java.time.Instant;

/**
 * One fire of a schedule, as the fire log records it.
 *
 * @param id the log id
 * @param schedule the schedule's name
 * @param kind {@code scheduled} (its cron trigger) or {@code manual} (trigger now)
 * @param scheduledAt the fire time the trigger was due
 * @param firedAt when the scheduler instance took it
 * @param finishedAt when the launch ended, or null while it runs
 * @param instanceId the Quartz instance that took it
 * @param runId the run it started, or null
 * @param outcome {@code LAUNCHING}, the run's batch status, {@code REFUSED} (already running), {@code INVALID}
 * (bad parameters) or {@code ERROR}
 * @param message why, for anything but a completed run
 */
public record ScheduleFire(long id, String schedule, String kind, Instant scheduledAt, Instant firedAt,
		Instant finishedAt, String instanceId, Long runId, String outcome, String message) {

	/** The launch is in progress (or its process died). */
	public static final String LAUNCHING = "LAUNCHING";

	/** Spring Batch or a safety rule refused the start, e.g. the same run is already in progress. */
	public static final String REFUSED = "REFUSED";

	/** The schedule's parameters were refused by the operation. */
	public static final String INVALID = "INVALID";

	/** The launch failed for another reason. */
	public static final String ERROR = "ERROR";

}
