package io.opsbatch.platform.launch;

import java.util.Map;

import org.springframework.batch.core.job.JobExecution;

/**
 * An operation that can be launched by name with text parameters, the same way from the CLI, a schedule or the REST
 * API: a dry-run that makes a plan, or a read-only scan. Executing a plan is never an operation of its own kind: it
 * goes through {@code execute} with an approved plan.
 */
public interface Operation {

	/** The name schedules and the API use, e.g. {@code fix}, {@code orphans.scan}, {@code reconcile}. */
	String name();

	/** One line for listings. */
	String description();

	/**
	 * Check the parameters and run the operation to its end.
	 * @param parameters the operation's parameters by name (as given on a command line or in a schedule)
	 * @param executor who launches it
	 * @return the finished run
	 * @throws io.opsbatch.platform.InvalidInputException for unknown, missing or malformed parameters, before anything
	 * runs
	 */
	JobExecution launch(Map<String, String> parameters, String executor);

}
