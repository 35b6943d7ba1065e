package io.opsbatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.opsbatch.jobs.orphans.BoundRule;
import io.opsbatch.jobs.orphans.OrphanCleanupJobConfiguration;
import io.opsbatch.jobs.orphans.OrphanRule;
import io.opsbatch.jobs.orphans.OrphanRuleCatalog;
import io.opsbatch.jobs.orphans.OrphanRuleValidator;
import io.opsbatch.jobs.orphans.OrphanScanJobConfiguration;
import io.opsbatch.jobs.orphans.ScanStrategy;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.cli.TargetEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opsbatch orphans cleanup <rule>}: a dry-run plan that deletes the rule's orphans (or nulls their key). */
@Command(name = "cleanup", description = "Plan the cleanup of a rule's orphans (dry-run); approve and execute it like a fix.")
class OrphansCommandCleanup extends CommandBase {

	@Parameters(index = "0", paramLabel = "<rule>", description = "A file in config/orphan-rules (without .yml).")
	String ruleId;

	@Option(names = "--strategy", paramLabel = "<strategy>", description = "auto (default), pushdown or streaming.")
	String strategy = "auto";

	private final OrphanRuleCatalog catalog;

	private final JdbcTargetStores stores;

	private final PlanRuns planRuns;

	OrphansCommandCleanup(TargetEnvironment environment, OrphanRuleCatalog catalog, JdbcTargetStores stores,
			PlanRuns planRuns) {
		super(environment);
		this.catalog = catalog;
		this.stores = stores;
		this.planRuns = planRuns;
	}

	@Override
	int run(Console console) {
		OrphanRule rule = catalog.get(ruleId);
		BoundRule bound = OrphanRuleValidator.bind(rule, stores);
		ScanStrategy chosen = bound.strategy(ScanStrategy.of(strategy));
		console.field("rule", rule.id() + ": " + rule.description());
		console.field("cleanup", rule.cleanup().name().toLowerCase(Locale.ROOT) + " each orphan row of "
				+ rule.child().store() + "." + rule.child().table());
		if (rule.cleanup() == OrphanRule.CleanupAction.DELETE) {
			List<OrphanRule> dependents = dependents(rule);
			dependents.forEach((other) -> console.line("note: rule " + other.id() + " finds " + other.child().table()
					+ " rows whose " + rule.child().table() + " row is gone: deleting these orphans can make new ones"
					+ " there; scan it after the execute (opsbatch orphans scan --rule " + other.id() + ")"));
			console.data("dependentRules", dependents.stream().map(OrphanRule::id).toList());
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("rule", rule.id());
		parameters.put("strategy", chosen.label());
		RunParameters run = new RunParameters(UUID.randomUUID().toString(), rule.cleanupAction(), rule.child().store(),
				parameters, identity(), null);
		return planRuns.dryRun(console, OrphanCleanupJobConfiguration.JOB_NAME, run,
				Map.of(OrphanCleanupJobConfiguration.RULE, rule.id(), OrphanScanJobConfiguration.STRATEGY, chosen.label()));
	}

	/** The rules whose parent is this rule's child table: a delete can leave orphans of theirs. */
	private List<OrphanRule> dependents(OrphanRule rule) {
		List<OrphanRule> dependents = new ArrayList<>();
		for (String id : catalog.ids()) {
			if (id.equals(rule.id())) {
				continue;
			}
			try {
				OrphanRule other = catalog.get(id);
				if (other.parent().store().equals(rule.child().store())
						&& other.parent().table().equalsIgnoreCase(rule.child().table())) {
					dependents.add(other);
				}
			}
			catch (InvalidInputException ex) {
				// another rule's broken file is that rule's problem (its scan reports it), not this cleanup's
			}
		}
		return dependents;
	}

}
