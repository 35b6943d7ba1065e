package io.opsbatch.platform.batch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.RunSummary;
import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.change.Outcome;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes {@code results.json} when a planning or execute run ends, however it ends, from the audit records the run
 * committed. The records are streamed from the database, so the file's size does not bound the run. A restarted run's
 * file also holds the records of the failed runs it continues (same job instance), so it covers the whole plan and a
 * rollback from the file undoes everything the plan changed.
 */
public class ResultsListener implements JobExecutionListener {

	private final AuditRecord.Mode mode;

	private final JobRepository jobRepository;

	private final AuditRepository audit;

	private final ResultsFileWriter results;

	private final TransactionTemplate readOnly;

	private final String environment;

	private final Clock clock;

	public ResultsListener(AuditRecord.Mode mode, JobRepository jobRepository, AuditRepository audit,
			ResultsFileWriter results, PlatformTransactionManager transactionManager, String environment, Clock clock) {
		this.mode = mode;
		this.jobRepository = jobRepository;
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
		Set<Long> runs = new TreeSet<>(continued(execution));
		Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
		if (run.planId() == null) {
			counts.putAll(audit.countByOutcome(runId));
		}
		else {
			audit.countByRunAndOutcome(run.planId(), mode, runId).forEach((id, c) -> {
				if (runs.contains(id)) {
					c.forEach((outcome, n) -> counts.merge(outcome, n, Long::sum));
				}
			});
		}
		RunSummary summary = new RunSummary(runId, execution.getJobInstance().getJobName(), run.action(), mode,
				execution.getStatus().name(), run.parameters(), run.executor(), environment, run.planId(), run.store(),
				instant(execution.getStartTime()), (execution.getEndTime() == null) ? clock.instant()
						: instant(execution.getEndTime()),
				counts, List.copyOf(runs));
		readOnly.executeWithoutResult((status) -> results.write(summary, (sink) -> {
			if (run.planId() == null) {
				audit.forEachStoredOfRun(runId, sink);
			}
			else {
				audit.forEachStoredOfPlan(run.planId(), mode, runId, (record) -> {
					if (runs.contains(record.runId())) {
						sink.accept(record);
					}
				});
			}
		}));
	}

	/** This run and the earlier runs of its job instance: the failed runs a restart continues. */
	private List<Long> continued(JobExecution execution) {
		List<Long> ids = new ArrayList<>();
		for (JobExecution other : jobRepository.getJobExecutions(execution.getJobInstance())) {
			if (other.getId() <= execution.getId()) {
				ids.add(other.getId());
			}
		}
		if (!ids.contains(execution.getId())) {
			ids.add(execution.getId());
		}
		return ids;
	}

	private static Instant instant(LocalDateTime time) {
		return (time == null) ? null : time.atZone(ZoneId.systemDefault()).toInstant();
	}

}
