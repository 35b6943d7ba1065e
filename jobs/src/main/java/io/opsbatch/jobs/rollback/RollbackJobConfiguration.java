package io.opsbatch.jobs.rollback;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.jdbc.JdbcAuditRepository;
import io.opsbatch.platform.batch.PlanningJobs;
import io.opsbatch.platform.rollback.InverseChanges;
import io.opsbatch.platform.rollback.ResultsFileRecordReader;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rollback dry-run: reads the executed changes of a run (from the audit trail, or from a {@code results.json})
 * and plans their inverse. The plan is approved and executed like any other.
 */
@Configuration(proxyBeanMethods = false)
public class RollbackJobConfiguration {

	/** The job name in the job repository. */
	public static final String JOB_NAME = "rollback";

	/** Job parameter: the plan whose executed changes are undone. */
	public static final String SOURCE_PLAN = "source.plan";

	/** Job parameter: a results file to read the executed changes from instead of the database. */
	public static final String RESULTS_FILE = "results.file";

	@Bean
	Job rollbackJob(PlanningJobs planningJobs, ItemStreamReader<AuditRecord> rollbackRecordReader) {
		return planningJobs.job(JOB_NAME, rollbackRecordReader, new InverseChanges());
	}

	@Bean
	@StepScope
	ItemStreamReader<AuditRecord> rollbackRecordReader(DataSource dataSource,
			@Value("#{jobParameters['" + SOURCE_PLAN + "']}") String sourcePlan,
			@Value("#{jobParameters['" + RESULTS_FILE + "']}") String resultsFile,
			@Value("${opsbatch.chunk-size:1000}") int pageSize) throws Exception {
		if (resultsFile != null && !resultsFile.isBlank()) {
			return new ResultsFileRecordReader(Path.of(resultsFile));
		}
		Map<String, Order> sortKeys = new LinkedHashMap<>();
		sortKeys.put("item_seq", Order.ASCENDING);
		sortKeys.put("id", Order.ASCENDING);
		return new JdbcPagingItemReaderBuilder<AuditRecord>().name("rollbackRecordReader")
			.dataSource(dataSource)
			.selectClause("*")
			.fromClause("ops_audit")
			.whereClause("plan_id = :planId AND mode = 'execute' AND outcome IN ('applied', 'already-applied')")
			.sortKeys(sortKeys)
			.parameterValues(Map.of("planId", sourcePlan))
			.rowMapper(JdbcAuditRepository.RECORD)
			.pageSize(pageSize)
			.build();
	}


}
