package io.opsbatch.platform.batch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.RunSummary;
import io.opsbatch.platform.audit.support.ResultsFileWriter;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes {@code results.json} when a planning or execute run ends, however it ends, from the audit records the run
 * committed. The records are streamed from the database, so the file's size does not bound the run.
 */
public class ResultsListener implements JobExecutionListener {

	private final AuditRecord.Mode mode;

	private final AuditRepository audit;

	private final ResultsFileWriter results;

	private final TransactionTemplate readOnly;

	private final String environment;

	private final Clock clock;

	public ResultsListener(AuditRecord.Mode mode, AuditRepository audit, ResultsFileWriter results,
			PlatformTransactionManager transactionManager, String environment, Clock clock) {
		this.mode = mode;
		this.audit = audit;
		this.results = results;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.environment = environment;
		this.clock = clock;
	}

	@Override
	public void afterJob(JobExecution execution) {
		RunParameters run = RunParameters.of(execution.getJobParameters());
		long runId = execution.getId();
		RunSummary summary = new RunSummary(runId, execution.getJobInstance().getJobName(), run.action(), mode,
				execution.getStatus().name(), run.parameters(), run.executor(), environment, run.planId(), run.store(),
				instant(execution.getStartTime()), (execution.getEndTime() == null) ? clock.instant()
						: instant(execution.getEndTime()),
				audit.countByOutcome(runId));
		readOnly.executeWithoutResult((status) -> results.write(summary, (sink) -> audit.forEachStoredOfRun(runId, sink)));
	}

	private static Instant instant(LocalDateTime time) {
		return (time == null) ? null : time.atZone(ZoneId.systemDefault()).toInstant();
	}

}
