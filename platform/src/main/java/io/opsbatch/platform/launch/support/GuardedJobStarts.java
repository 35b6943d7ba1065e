package io.opsbatch.platform.launch.support;

import java.util.Map;

import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.launch.LaunchGuard;
import io.opsbatch.platform.launch.LaunchLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
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
		LaunchLock lock = guard.acquire(operation, parameters, executor);
		try {
			return jobOperator.start(new LockedJob(job, lock, guard, jobRepository), jobParameters);
		}
		catch (OpsbatchException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start " + operation + ": " + ex.getMessage(), ex);
		}
		finally {
			if (!guard.release(lock)) {
				log.warn("the launch lock of {} {} was taken over before its run ended", operation, lock.parameters());
			}
		}
	}

}
