package io.opsbatch.jobs.reconcile;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import io.opsbatch.platform.batch.PlanningJobs;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.config.OpsbatchProperties;
import io.opsbatch.platform.launch.support.GuardedJobStarts;
import io.opsbatch.platform.plan.CanonicalJson;
import io.opsbatch.platform.reconcile.ReconciliationHistory;
import io.opsbatch.platform.reconcile.jdbc.JdbcReconciliationHistory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reconciliation dry-run: {@code reconcile} compares the definition's source of truth with its derived table
 * using the run's strategy, turns each difference into a change by the definition's correction policy and writes the
 * plan. Executing the plan is the platform's {@code execute} job.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcileProperties.class)
public class ReconcileJobConfiguration {

	/** The job name in the job repository. */
	public static final String JOB_NAME = "reconcile";

	@Bean
	ReconciliationCatalog reconciliationCatalog(ReconcileProperties properties) {
		return new ReconciliationCatalog(properties.directory());
	}

	@Bean
	ReconciliationHistory reconciliationHistory(DataSource dataSource) {
		return new JdbcReconciliationHistory(dataSource);
	}

	@Bean
	Job reconcileJob(PlanningJobs planningJobs, DifferenceReader reconcileDifferenceReader,
			ReconcileChangeProcessor reconcileChangeProcessor) {
		return planningJobs.job(JOB_NAME, reconcileDifferenceReader, reconcileChangeProcessor);
	}

	@Bean
	ReconcileOperation reconcileOperation(ReconciliationCatalog catalog, JdbcTargetStores stores,
			ReconcileProperties properties, GuardedJobStarts starts, @Qualifier("reconcileJob") Job reconcileJob) {
		return new ReconcileOperation(catalog, stores, properties, starts, reconcileJob);
	}

	@Bean
	@StepScope
	DifferenceReader reconcileDifferenceReader(ReconciliationCatalog catalog, JdbcTargetStores stores,
			ReconcileOperation operation, ReconciliationHistory history, OpsbatchProperties platform, Clock clock,
			@Value("#{stepExecution}") StepExecution stepExecution,
			@Value("#{jobParameters['" + RunParameters.PARAMETERS + "']}") String parameters,
			@Value("#{jobParameters['" + RunParameters.PLAN_ID + "']}") String planId) {
		Map<String, Object> run = CanonicalJson.readMap(parameters);
		ReconciliationValidator.Checked checked = ReconciliationValidator
			.check(catalog.get((String) run.get("reconciliation")), stores);
		String resource = (String) run.get("resource");
		return new DifferenceReader(operation.strategy((String) run.get("strategy")), checked.comparison(resource),
				checked.definition(), history,
				new DifferenceReader.RunInfo(stepExecution.getJobExecutionId(), (resource == null) ? "all" : resource,
						planId),
				platform.previewRows(), clock);
	}

	@Bean
	@StepScope
	ReconcileChangeProcessor reconcileChangeProcessor(ReconciliationCatalog catalog, JdbcTargetStores stores,
			@Value("#{jobParameters['" + RunParameters.PARAMETERS + "']}") String parameters) {
		Map<String, Object> run = CanonicalJson.readMap(parameters);
		return new ReconcileChangeProcessor(
				ReconciliationValidator.check(catalog.get((String) run.get("reconciliation")), stores));
	}

}
