package io.opsbatch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.jobs.fix.DataFix;
import io.opsbatch.jobs.fix.FixCatalog;
import io.opsbatch.jobs.fix.FixDefinition;
import io.opsbatch.jobs.fix.FixOperation;
import io.opsbatch.platform.InvalidInputException;
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

	private final FixOperation operation;

	FixCommand(TargetEnvironment environment, FixCatalog catalog, JdbcTargetStores stores, PlanRuns planRuns,
			FixOperation operation) {
		super(environment);
		this.catalog = catalog;
		this.stores = stores;
		this.planRuns = planRuns;
		this.operation = operation;
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
		Map<String, String> parameters = parse(params);
		parameters.put(FixOperation.FIX, fixId);
		FixOperation.Prepared prepared = operation.prepare(parameters, identity());
		console.field("parameters", prepared.resolved());
		console.field("selected", prepared.candidates() + " rows of " + definition.store() + "." + definition.table());
		console.field("mode", "dry-run (nothing is changed in " + definition.store() + ")");
		console.field("store", definition.store() + " = " + stores.get(definition.store()).describe());
		return planRuns.reportDryRun(console, operation.launch(prepared));
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
