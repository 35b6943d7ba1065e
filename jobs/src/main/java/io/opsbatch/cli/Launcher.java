package io.opsbatch.cli;

import java.util.List;
import java.util.Map;

import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.RefusedException;
import io.opsbatch.platform.cli.Secrets;
import io.opsbatch.platform.launch.support.GuardedJobStarts;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Launches runs through Spring Batch's {@link JobOperator}, synchronously, and turns Spring Batch's refusals into
 * operator-facing errors.
 */
@Component
public class Launcher {

	private final JobOperator jobOperator;

	private final Map<String, Job> jobs;

	private final JobRepository jobRepository;

	private final GuardedJobStarts guardedStarts;

	public Launcher(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs,
			GuardedJobStarts guardedStarts) {
		this.jobOperator = jobOperator;
		this.guardedStarts = guardedStarts;
		this.jobRepository = jobRepository;
		this.jobs = jobs.stream().collect(java.util.stream.Collectors.toMap(Job::getName, (j) -> j));
	}

	/** Run a job to its end and return its execution, whatever its status. */
	public JobExecution run(String jobName, JobParameters parameters) {
		return start(jobName, parameters, (job) -> jobOperator.start(job, parameters));
	}

	/**
	 * Restart a failed or stopped run to its end, with its parameters: a run an operation launched is restarted under
	 * that launch's lock (see {@link GuardedJobStarts#restart}).
	 */
	public JobExecution restart(String jobName, JobParameters parameters, String executor) {
		return start(jobName, parameters, (job) -> guardedStarts.restart(job, parameters, executor));
	}

	@FunctionalInterface
	private interface Start {

		JobExecution start(Job job) throws Exception;

	}

	private JobExecution start(String jobName, JobParameters parameters, Start start) {
		Job job = jobs.get(jobName);
		if (job == null) {
			throw new IllegalStateException("no job named " + jobName);
		}
		try {
			return start.start(job);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new RefusedException("a run of " + jobName + " for the same plan is already in progress; "
					+ "see: opsbatch runs");
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			throw new RefusedException("this " + jobName + " run already completed for the same plan; "
					+ "a plan runs once");
		}
		catch (OpsbatchException ex) {
			throw ex;
		}
		catch (Exception ex) {
			if (startedConcurrently(jobName, parameters)) {
				throw new RefusedException("another " + jobName + " run for the same plan started at the same moment; "
						+ "see: opsbatch runs");
			}
			throw new RunFailedException("cannot start " + jobName + ": " + Secrets.mask(ex.getMessage()), ex);
		}
	}

	/** Whether a start failed because another process created the same job instance at the same moment. */
	private boolean startedConcurrently(String jobName, JobParameters parameters) {
		try {
			return jobRepository.getJobInstance(jobName, parameters) != null;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	/**
	 * The error a failed run ends the command with: the operator-facing error that failed it, if any, else a
	 * {@link RunFailedException} that says how to restart it. Null when the run did not fail.
	 */
	public OpsbatchException failure(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return null;
		}
		Throwable root = null;
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof OpsbatchException known) {
					return known;
				}
				root = cause;
			}
		}
		String reason = (root == null) ? execution.getExitStatus().getExitDescription() : root.getMessage();
		return new RunFailedException("run " + execution.getId() + " ended " + execution.getStatus() + ": "
				+ Secrets.mask(firstLine(reason)) + "; after fixing the cause, continue it with: opsbatch runs restart "
				+ execution.getId(), root);
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "(no reason recorded)";
		}
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
