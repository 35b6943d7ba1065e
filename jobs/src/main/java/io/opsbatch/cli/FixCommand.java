package io.opsbatch.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.opsbatch.jobs.fix.DataFix;
import io.opsbatch.jobs.fix.FixCatalog;
import io.opsbatch.jobs.fix.FixDefinition;
import io.opsbatch.jobs.fix.FixJobConfiguration;
import io.opsbatch.jobs.fix.FixParameters;
import io.opsbatch.jobs.fix.FixValidator;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.cli.TargetEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opsbatch fix <id>}: dry-run a data fix, or with {@code --execute --plan} apply its approved plan. */
@Command(name = "fix", description = "Dry-run a data fix (default), or execute its approved plan.")
class FixCommand extends CommandBase {

	@Parameters(index = "0", paramLabel = "<fix-id>", description = "A file in config/fixes (without .yml) or a Java fix.")
	String fixId;

	@Option(names = "--param", paramLabel = "name=value", description = "A parameter the fix declares (repeatable).")
	List<String> params = List.of();

	@Option(names = "--execute", description = "Apply an approved plan instead of planning.")
	boolean execute;

	@Option(names = "--plan", paramLabel = "<plan-id>", description = "The approved plan to execute.")
	String planId;

	private final FixCatalog catalog;

	private final JdbcTargetStores stores;

	private final PlanRuns planRuns;

	private final Clock clock;

	FixCommand(TargetEnvironment environment, FixCatalog catalog, JdbcTargetStores stores, PlanRuns planRuns,
			Clock clock) {
		super(environment);
		this.catalog = catalog;
		this.stores = stores;
		this.planRuns = planRuns;
		this.clock = clock;
	}

	@Override
	int run(Console console) {
		DataFix fix = catalog.get(fixId);
		FixDefinition definition = fix.definition();
		console.field("fix", definition.id() + ": " + definition.description()
				+ (definition.ticket() == null ? "" : " (" + definition.ticket() + ")"));
		if (execute) {
			if (!params.isEmpty()) {
				throw new InvalidInputException("--param cannot be combined with --execute: the plan's parameters apply");
			}
			return planRuns.execute(console, planId, definition.action(), identity());
		}
		if (planId != null) {
			throw new InvalidInputException("--plan is only used with --execute");
		}
		Map<String, Object> resolved = FixParameters.resolve(definition, parse(params), clock.instant());
		long candidates = FixValidator.validate(fix, stores.get(definition.store()), resolved);
		console.field("parameters", resolved);
		console.field("selected", candidates + " rows of " + definition.store() + "." + definition.table());
		RunParameters run = new RunParameters(UUID.randomUUID().toString(), definition.action(), definition.store(),
				resolved, identity(), null);
		return planRuns.dryRun(console, FixJobConfiguration.JOB_NAME, run,
				Map.of(FixJobConfiguration.FIX_ID, definition.id()));
	}

	private static Map<String, String> parse(List<String> params) {
		Map<String, String> parsed = new LinkedHashMap<>();
		for (String param : params) {
			int equals = param.indexOf('=');
			if (equals <= 0) {
				throw new InvalidInputException("--param '" + param + "' must be name=value");
			}
			String name = param.substring(0, equals).trim();
			if (parsed.put(name, param.substring(equals + 1)) != null) {
				throw new InvalidInputException("--param " + name + " is given twice");
			}
		}
		return parsed;
	}

}
