package io.opsbatch.jobs.fix;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.batch.PlanningJobs;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.Selection;
import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.change.jdbc.TableMetadata;
import io.opsbatch.platform.plan.CanonicalJson;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
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
	Job fixJob(PlanningJobs planningJobs, ItemStreamReader<Map<String, Object>> fixCandidateReader,
			FixChangeProcessor fixChangeProcessor) {
		return planningJobs.<Map<String, Object>>job(JOB_NAME, fixCandidateReader, fixChangeProcessor);
	}

	/** The fix's selection, read from its target store through the store's own candidate reader. */
	@Bean
	@StepScope
	ItemStreamReader<Map<String, Object>> fixCandidateReader(FixCatalog catalog, JdbcTargetStores stores,
			@Value("#{jobParameters['" + FIX_ID + "']}") String fixId,
			@Value("#{jobParameters['" + RunParameters.PARAMETERS + "']}") String parameters,
			@Value("${opsbatch.chunk-size:1000}") int pageSize) {
		DataFix fix = catalog.get(fixId);
		FixDefinition definition = fix.definition();
		JdbcTargetStore store = stores.get(definition.store());
		TableMetadata table = store.table(definition.table());
		Selection selection = new Selection("fixCandidateReader", definition.table(), definition.key(),
				FixChangeProcessor.columnsRead(fix, table), definition.where(),
				FixParameters.bindValues(definition, CanonicalJson.readMap(parameters)));
		return store.candidates(selection, pageSize);
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
