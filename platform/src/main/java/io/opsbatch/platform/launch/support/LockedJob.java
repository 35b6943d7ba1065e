package io.opsbatch.platform.launch.support;

import java.time.LocalDateTime;

import io.opsbatch.platform.launch.LaunchGuard;
import io.opsbatch.platform.launch.LaunchLock;
import io.opsbatch.platform.launch.OperationAlreadyRunningException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParametersIncrementer;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A job that records its run on its launch lock before it does anything. A lock lost in the meantime (taken over
 * because the launch took longer than {@link LaunchGuard#UNSTARTED_GRACE} to start its run) fails the run before its
 * first step: another launch of the same operation and parameters may be running.
 */
final class LockedJob implements Job {

	private final Job job;

	private final LaunchLock lock;

	private final LaunchGuard guard;

	private final JobRepository jobRepository;

	LockedJob(Job job, LaunchLock lock, LaunchGuard guard, JobRepository jobRepository) {
		this.job = job;
		this.lock = lock;
		this.guard = guard;
		this.jobRepository = jobRepository;
	}

	@Override
	public String getName() {
		return job.getName();
	}

	@Override
	public boolean isRestartable() {
		return job.isRestartable();
	}

	@Override
	public JobParametersIncrementer getJobParametersIncrementer() {
		return job.getJobParametersIncrementer();
	}

	@Override
	public JobParametersValidator getJobParametersValidator() {
		return job.getJobParametersValidator();
	}

	@Override
	public void execute(JobExecution execution) throws JobInterruptedException {
		if (guard.attach(lock, execution.getId())) {
			job.execute(execution);
			return;
		}
		OperationAlreadyRunningException lost = new OperationAlreadyRunningException(lock);
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(ExitStatus.FAILED.addExitDescription("the launch lock was taken over before the run "
				+ "started: another launch of " + lock.operation() + " with the same parameters may be running"));
		execution.addFailureException(lost);
		execution.setEndTime(LocalDateTime.now());
		jobRepository.update(execution);
	}

}
