package io.opsbatch.jobs.orphans;

import java.util.Map;

import io.opsbatch.platform.batch.PlanningJobs;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.config.OpsbatchProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The orphan cleanup dry-run: a normal planning job ({@link PlanningJobs}) whose items delete the orphans (or null
 * their foreign key). The plan is approved, executed and rolled back like any other; this job never writes to a
 * target store.
 */
@Configuration(proxyBeanMethods = false)
public class OrphanCleanupJobConfiguration {

	/** The job name in the job repository. */
	public static final String JOB_NAME = "orphansCleanup";

	/** Job parameter: the rule id. */
	public static final String RULE = "orphans.rule";

	@Bean
	Job orphansCleanupJob(PlanningJobs planningJobs, OrphanCleanupReader orphanCleanupReader,
			OrphanCleanupProcessor orphanCleanupProcessor) {
		return planningJobs.<Map<String, Object>>job(JOB_NAME, orphanCleanupReader, orphanCleanupProcessor);
	}

	@Bean
	@StepScope
	OrphanCleanupReader orphanCleanupReader(OrphanRuleCatalog catalog, JdbcTargetStores stores,
			OpsbatchProperties properties, @Value("#{jobParameters['" + RULE + "']}") String ruleId,
			@Value("#{jobParameters['" + OrphanScanJobConfiguration.STRATEGY + "']}") String strategy) {
		BoundRule bound = OrphanRuleValidator.bind(catalog.get(ruleId), stores);
		ScanStrategy requested = ScanStrategy.of((strategy == null) ? "auto" : strategy);
		return new OrphanCleanupReader(bound, bound.strategy(requested), properties.chunkSize());
	}

	@Bean
	@StepScope
	OrphanCleanupProcessor orphanCleanupProcessor(OrphanRuleCatalog catalog, JdbcTargetStores stores,
			@Value("#{jobParameters['" + RULE + "']}") String ruleId) {
		return new OrphanCleanupProcessor(OrphanRuleValidator.bind(catalog.get(ruleId), stores));
	}


}
