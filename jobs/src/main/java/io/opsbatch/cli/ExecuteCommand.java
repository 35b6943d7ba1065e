package io.opsbatch.cli;

import io.opsbatch.platform.cli.TargetEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code opsbatch execute <plan-id>}: apply any approved plan (a fix, a rollback, ...). */
@Command(name = "execute", description = "Apply an approved plan, whatever made it (fix, rollback, ...).")
class ExecuteCommand extends CommandBase {

	@Parameters(index = "0", paramLabel = "<plan-id>")
	String planId;

	private final PlanRuns planRuns;

	ExecuteCommand(TargetEnvironment environment, PlanRuns planRuns) {
		super(environment);
		this.planRuns = planRuns;
	}

	@Override
	int run(Console console) {
		return planRuns.execute(console, planId, null, identity());
	}

}
