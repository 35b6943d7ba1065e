package io.opsbatch.platform.launch.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.launch.LaunchGuard;
import io.opsbatch.platform.launch.LaunchLock;
import io.opsbatch.platform.plan.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Starts the job of an operation under its {@link LaunchGuard} lock: the lock is taken before anything is written
 * (a refused launch writes no run and no plan), records the run as soon as it exists, and is released when the run
 * ends, however it ends. Every operation starts its job here.
 */
public class GuardedJobStarts {

	private static final Logger log = LoggerFactory.getLogger(GuardedJobStarts.class);

	private final LaunchGuard guard;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	public GuardedJobStarts(LaunchGuard guard, JobOperator jobOperator, JobRepository jobRepository) {
		this.guard = guard;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
	}

	/** Job parameter (not identifying): the operation a guarded run was launched as. */
	public static final String LAUNCH_OPERATION = "launch.operation";

	/** Job parameter (not identifying): the text parameters it was launched with, canonical JSON. */
	public static final String LAUNCH_PARAMETERS = "launch.parameters";

	/**
	 * Run an operation's job to its end.
	 * @param operation the operation's name
	 * @param parameters its text parameters as given (they, with the name, are what two launches must not share)
	 * @param executor who launches it
	 * @param job the job
	 * @param jobParameters the run's job parameters
	 * @throws io.opsbatch.platform.launch.OperationAlreadyRunningException when the same launch is running
	 */
	public JobExecution start(String operation, Map<String, String> parameters, String executor, Job job,
			JobParameters jobParameters) {
		JobParameters recorded = new JobParametersBuilder(jobParameters)
			.addString(LAUNCH_OPERATION, operation, false)
			.addString(LAUNCH_PARAMETERS, LaunchGuard.canonical(parameters), false)
			.toJobParameters();
		try {
			return guarded(operation, parameters, executor, job, recorded);
		}
		catch (OpsbatchException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start " + operation + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Restart a run with its job parameters: under the lock of the launch it was (so a fresh launch with the same
	 * operation and parameters cannot run beside it), or plainly for runs that no guarded launch made (executes).
	 * @throws io.opsbatch.platform.launch.OperationAlreadyRunningException when the same launch is running
	 * @throws Exception what {@link JobOperator#start(Job, JobParameters)} throws
	 */
	public JobExecution restart(Job job, JobParameters jobParameters, String executor) throws Exception {
		String operation = jobParameters.getString(LAUNCH_OPERATION);
		String launched = jobParameters.getString(LAUNCH_PARAMETERS);
		if (operation == null || launched == null) {
			return jobOperator.start(job, jobParameters);
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		CanonicalJson.readMap(launched).forEach((name, value) -> parameters.put(name, String.valueOf(value)));
		return guarded(operation, parameters, executor, job, jobParameters);
	}

	private JobExecution guarded(String operation, Map<String, String> parameters, String executor, Job job,
			JobParameters jobParameters) throws Exception {
		LaunchLock lock = guard.acquire(operation, parameters, executor);
		try {
			return jobOperator.start(new LockedJob(job, lock, guard, jobRepository), jobParameters);
		}
		finally {
			if (!guard.release(lock)) {
				log.warn("the launch lock of {} {} was taken over before its run ended", operation, lock.parameters());
			}
		}
	}

}
