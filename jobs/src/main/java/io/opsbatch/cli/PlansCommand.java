package io.opsbatch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opsbatch plans}: recent plans, and one plan with its items. */
@Command(name = "plans", description = "List recent plans; show one with its items.", subcommands = PlansCommand.Show.class)
class PlansCommand extends CommandBase {

	@Option(names = "--limit", defaultValue = "20", description = "How many plans to list (default ${DEFAULT-VALUE}).")
	int limit;

	private final PlanRepository plans;

	PlansCommand(TargetEnvironment environment, PlanRepository plans) {
		super(environment);
		this.plans = plans;
	}

	@Override
	int run(Console console) {
		List<List<String>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (Plan plan : plans.recent(limit)) {
			rows.add(List.of(plan.id(), plan.action(), plan.status().name(), Long.toString(plan.itemCount()),
					plan.requester(), String.valueOf(plan.decidedBy()), String.valueOf(plan.createdAt())));
			json.add(Reports.plan(plan));
		}
		console.data("plans", json);
		console.table(List.of("plan", "action", "status", "items", "requester", "decided by", "created"), rows);
		return ok();
	}

	/** {@code opsbatch plans show <plan-id>}. */
	@Command(name = "show", description = "Show a plan: status, digest, approval and its first items.")
	static class Show extends CommandBase {

		@Parameters(index = "0", paramLabel = "<plan-id>")
		String planId;

		@Option(names = "--items", defaultValue = "20", description = "How many items to show (default ${DEFAULT-VALUE}).")
		int items;

		private final PlanRepository plans;

		Show(TargetEnvironment environment, PlanRepository plans) {
			super(environment);
			this.plans = plans;
		}

		@Override
		int run(Console console) {
			Plan plan = plans.get(planId);
			Reports.printPlan(console, plan);
			Reports.printItems(console, plans.items(planId, items), plan.itemCount());
			return ok();
		}

	}

}
