package io.opsbatch.jobs.orphans;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.findings.support.IssueFiling;
import io.opsbatch.platform.launch.Operation;
import io.opsbatch.platform.launch.support.GuardedJobStarts;
import io.opsbatch.platform.plan.CanonicalJson;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * {@code orphans.scan}: scans the named rules (parameter {@code rules}, comma separated; all when absent) with an
 * optional {@code strategy} (auto, pushdown, streaming). Every rule file, store, table and column, and the issue
 * tracker settings, are checked before the run starts: bad input starts nothing.
 */
@Component
public class OrphanScanOperation implements Operation {

	/** The operation name. */
	public static final String NAME = "orphans.scan";

	/** Parameter: rule ids, comma separated. */
	public static final String RULES = "rules";

	/** Parameter: the scan strategy. */
	public static final String STRATEGY = "strategy";

	private static final Set<String> KNOWN = Set.of(RULES, STRATEGY);

	private final OrphanRuleCatalog catalog;

	private final JdbcTargetStores stores;

	private final IssueFiling filing;

	private final GuardedJobStarts starts;

	private final Job job;

	public OrphanScanOperation(OrphanRuleCatalog catalog, JdbcTargetStores stores, IssueFiling filing,
			GuardedJobStarts starts, @Qualifier("orphansScanJob") Job job) {
		this.catalog = catalog;
		this.stores = stores;
		this.filing = filing;
		this.starts = starts;
		this.job = job;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String description() {
		return "scan orphan rules (read-only), rate them and file GitHub issues";
	}

	/** Check everything a scan needs; returns the selected rules. */
	public List<OrphanRule> check(Map<String, String> parameters) {
		for (String name : parameters.keySet()) {
			if (!KNOWN.contains(name)) {
				throw new InvalidInputException("unknown parameter '" + name + "' for " + NAME + " (known: rules, strategy)");
			}
		}
		filing.check();
		ScanStrategy strategy = strategy(parameters);
		List<String> ids = ids(parameters);
		List<OrphanRule> rules = catalog.select(ids);
		rules.forEach((rule) -> OrphanRuleValidator.bind(rule, stores).strategy(strategy));
		return rules;
	}

	@Override
	public JobExecution launch(Map<String, String> parameters, String executor) {
		List<OrphanRule> rules = check(parameters);
		String ruleIds = String.join(",", rules.stream().map(OrphanRule::id).toList());
		ScanStrategy strategy = strategy(parameters);
		Map<String, Object> recorded = new java.util.TreeMap<>();
		recorded.put(RULES, ruleIds);
		recorded.put(STRATEGY, strategy.label());
		JobParameters jobParameters = new JobParametersBuilder()
			.addString(OrphanScanJobConfiguration.SCAN_ID, UUID.randomUUID().toString(), true)
			.addString(OrphanScanJobConfiguration.RULES, ruleIds, false)
			.addString(OrphanScanJobConfiguration.STRATEGY, strategy.label(), false)
			.addString(RunParameters.ACTION, NAME, false)
			.addString(RunParameters.PARAMETERS, CanonicalJson.write(recorded), false)
			.addString(RunParameters.EXECUTOR, executor, false)
			.toJobParameters();
		return starts.start(NAME, parameters, executor, job, jobParameters);
	}

	private static ScanStrategy strategy(Map<String, String> parameters) {
		String value = parameters.get(STRATEGY);
		return (value == null || value.isBlank()) ? ScanStrategy.AUTO : ScanStrategy.of(value);
	}

	private static List<String> ids(Map<String, String> parameters) {
		String value = parameters.get(RULES);
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

}
