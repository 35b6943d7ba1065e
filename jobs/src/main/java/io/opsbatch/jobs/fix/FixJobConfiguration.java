package io.opsbatch.jobs.fix;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.batch.PlanningJobs;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.change.jdbc.JdbcValues;
import io.opsbatch.platform.change.jdbc.TableMetadata;
import io.opsbatch.platform.plan.CanonicalJson;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data-fix dry-run: {@code fix} selects the fix's records page by page in key order, turns each into a change
 * and writes the plan. Executing the plan is the platform's {@code execute} job.
 */
@Configuration(proxyBeanMethods = false)
public class FixJobConfiguration {

	/** The job name in the job repository. */
	public static final String JOB_NAME = "fix";

	/** Job parameter: the fix id. */
	public static final String FIX_ID = "fix.id";

	@Bean
	FixCatalog fixCatalog(@Value("${opsbatch.fixes.directory:config/fixes}") Path directory, List<DataFix> javaFixes) {
		return new FixCatalog(directory, javaFixes);
	}

	@Bean
	Job fixJob(PlanningJobs planningJobs, JdbcPagingItemReader<Map<String, Object>> fixCandidateReader,
			FixChangeProcessor fixChangeProcessor) {
		return planningJobs.<Map<String, Object>>job(JOB_NAME, fixCandidateReader, fixChangeProcessor);
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Map<String, Object>> fixCandidateReader(FixCatalog catalog, JdbcTargetStores stores,
			@Value("#{jobParameters['" + FIX_ID + "']}") String fixId,
			@Value("#{jobParameters['" + RunParameters.PARAMETERS + "']}") String parameters,
			@Value("${opsbatch.chunk-size:1000}") int pageSize) throws Exception {
		DataFix fix = catalog.get(fixId);
		FixDefinition definition = fix.definition();
		JdbcTargetStore store = stores.get(definition.store());
		TableMetadata table = store.table(definition.table());
		List<String> columns = FixChangeProcessor.columnsRead(fix, table);
		Map<String, Order> sortKeys = new LinkedHashMap<>();
		definition.key().forEach((column) -> sortKeys.put(table.column(column).name(), Order.ASCENDING));
		return new JdbcPagingItemReaderBuilder<Map<String, Object>>().name("fixCandidateReader")
			.dataSource(store.dataSource())
			.selectClause(String.join(", ", columns))
			.fromClause(table.table())
			.whereClause("(" + definition.where() + ")")
			.sortKeys(sortKeys)
			.parameterValues(FixParameters.bindValues(definition, CanonicalJson.readMap(parameters)))
			.rowMapper((rs, rowNum) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 0; i < columns.size(); i++) {
					row.put(columns.get(i), JdbcValues.toJson(rs.getObject(i + 1)));
				}
				return row;
			})
			.pageSize(pageSize)
			.build();
	}

	@Bean
	@StepScope
	FixChangeProcessor fixChangeProcessor(FixCatalog catalog, JdbcTargetStores stores,
			@Value("#{jobParameters['" + FIX_ID + "']}") String fixId,
			@Value("#{jobParameters['" + RunParameters.PARAMETERS + "']}") String parameters) {
		DataFix fix = catalog.get(fixId);
		TableMetadata table = stores.get(fix.definition().store()).table(fix.definition().table());
		return new FixChangeProcessor(fix, table, CanonicalJson.readMap(parameters));
	}


}
