package io.opsbatch.platform.batch;

import java.time.Clock;

import javax.sql.DataSource;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.change.TargetStores;
import io.opsbatch.platform.config.OpsbatchProperties;
import io.opsbatch.platform.plan.PlanItem;
import io.opsbatch.platform.plan.PlanRepository;
import io.opsbatch.platform.plan.jdbc.JdbcPlanRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code execute} job, the only job that writes to target stores. It applies an approved plan's stored items,
 * never a new query: {@code executeClaim} checks the plan and claims it, {@code executeApply} applies its items in
 * order with compare-and-set and audits each outcome, {@code executeFinish} marks it executed. A failed run restarts
 * from its last committed chunk; compare-and-set makes the replayed items end applied exactly once.
 */
@Configuration(proxyBeanMethods = false)
public class ExecuteJobConfiguration {

	/** The name of the execute job in the job repository. */
	public static final String JOB_NAME = "execute";

	@Bean
	Job executeJob(JobRepository jobRepository, Step executeClaim, Step executeApply, Step executeFinish,
			AuditRepository audit, ResultsFileWriter results, PlatformTransactionManager transactionManager,
			OpsbatchProperties properties, Clock clock) {
		return new JobBuilder(JOB_NAME, jobRepository)
			.listener(new ResultsListener(AuditRecord.Mode.EXECUTE, jobRepository, audit, results, transactionManager,
					properties.environment(), clock))
			.start(executeClaim)
			.next(executeApply)
			.next(executeFinish)
			.build();
	}

	@Bean
	Step executeClaim(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PlanRepository plans, OpsbatchProperties properties, Clock clock) {
		return new StepBuilder("executeClaim", jobRepository)
			.tasklet(new ClaimPlanTasklet(plans, properties.environment(), clock), transactionManager)
			.build();
	}

	@Bean
	Step executeApply(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SeqRangeItemReader<PlanItem> executePlanItemReader, TargetStores stores, AuditRepository audit,
			OpsbatchProperties properties, Clock clock) {
		return new StepBuilder("executeApply", jobRepository).<PlanItem, PlanItem>chunk(properties.chunkSize())
			.reader(executePlanItemReader)
			.writer(new ExecuteWriter(stores, audit, clock))
			.transactionManager(transactionManager)
			.build();
	}

	@Bean
	Step executeFinish(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PlanRepository plans) {
		return new StepBuilder("executeFinish", jobRepository)
			.tasklet(new FinishPlanTasklet(plans), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	SeqRangeItemReader<PlanItem> executePlanItemReader(DataSource dataSource, PlanRepository plans,
			@Value("#{jobParameters['" + RunParameters.PLAN_ID + "']}") String planId, OpsbatchProperties properties) {
		return new SeqRangeItemReader<>("executePlanItemReader", dataSource, JdbcPlanRepository.SELECT_ITEM_RANGE,
				planId, () -> plans.get(planId).itemCount(), properties.chunkSize(), JdbcPlanRepository.ITEM,
				PlanItem::seq);
	}

}
