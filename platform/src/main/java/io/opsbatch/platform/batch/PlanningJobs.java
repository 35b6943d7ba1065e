package io.opsbatch.platform.batch;

import java.time.Clock;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.config.OpsbatchProperties;
import io.opsbatch.platform.plan.PlanRepository;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds dry-run jobs. Every job that proposes changes (a data fix, a rollback, a reconciliation, an orphan cleanup)
 * has the same shape, so it is built here once: {@code <name>Open} registers a DRAFT plan, {@code <name>Plan} reads
 * candidates, turns each into a {@link Change} (a null result skips a record that needs no change) and appends it to
 * the plan with a {@code planned} audit record, {@code <name>Seal} digests and seals the plan; {@code results.json}
 * is written when the run ends. Nothing here can write to a target store.
 */
public class PlanningJobs {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final PlanRepository plans;

	private final AuditRepository audit;

	private final ResultsFileWriter results;

	private final OpsbatchProperties properties;

	private final Clock clock;

	public PlanningJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PlanRepository plans, AuditRepository audit, ResultsFileWriter results, OpsbatchProperties properties,
			Clock clock) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.plans = plans;
		this.audit = audit;
		this.results = results;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A dry-run job.
	 * @param name the job name
	 * @param reader reads the candidates; a step-scoped bean, since it depends on the run's parameters
	 * @param processor turns a candidate into its change, or null when it needs none
	 */
	public <I> Job job(String name, ItemReader<? extends I> reader, ItemProcessor<? super I, Change> processor) {
		Step open = new StepBuilder(name + "Open", jobRepository)
			.tasklet(new OpenPlanTasklet(plans, properties.environment(), clock), transactionManager)
			.build();
		Step plan = new StepBuilder(name + "Plan", jobRepository).<I, Change>chunk(properties.chunkSize())
			.reader(reader)
			.processor(processor)
			.writer(new PlanItemWriter(plans, audit, clock))
			.transactionManager(transactionManager)
			.build();
		Step seal = new StepBuilder(name + "Seal", jobRepository)
			.tasklet(new SealPlanTasklet(plans, properties.planTtl(), clock), transactionManager)
			.build();
		return new JobBuilder(name, jobRepository)
			.listener(new ResultsListener(AuditRecord.Mode.DRY_RUN, jobRepository, audit, results, transactionManager,
					properties.environment(), clock))
			.start(open)
			.next(plan)
			.next(seal)
			.build();
	}

}
