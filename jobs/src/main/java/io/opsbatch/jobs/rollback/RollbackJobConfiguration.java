package io.opsbatch.jobs.rollback;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.jdbc.JdbcAuditRepository;
import io.opsbatch.platform.batch.PlanningJobs;
import io.opsbatch.platform.batch.SeqRangeItemReader;
import io.opsbatch.platform.plan.PlanRepository;
import io.opsbatch.platform.rollback.InverseChanges;
import io.opsbatch.platform.rollback.ResultsFileRecordReader;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
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
	ItemStreamReader<AuditRecord> rollbackRecordReader(DataSource dataSource, PlanRepository plans,
			@Value("#{jobParameters['" + SOURCE_PLAN + "']}") String sourcePlan,
			@Value("#{jobParameters['" + RESULTS_FILE + "']}") String resultsFile,
			@Value("${opsbatch.chunk-size:1000}") int pageSize) {
		if (resultsFile != null && !resultsFile.isBlank()) {
			return new ResultsFileRecordReader(Path.of(resultsFile));
		}
		return new SeqRangeItemReader<>("rollbackRecordReader", dataSource, JdbcAuditRepository.SELECT_UNDOABLE_RANGE,
				sourcePlan, () -> plans.get(sourcePlan).itemCount(), pageSize, JdbcAuditRepository.RECORD,
				AuditRecord::seq);
	}

}
