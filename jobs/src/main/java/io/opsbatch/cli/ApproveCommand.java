package io.opsbatch.cli;

import io.opsbatch.platform.approval.ApprovalService;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opsbatch approve <plan-id> --as <user>}: the second pair of eyes. */
@Command(name = "approve", description = "Approve a pending plan for exactly its current digest.")
class ApproveCommand extends CommandBase {

	@Parameters(index = "0", paramLabel = "<plan-id>")
	String planId;

	@Option(names = "--comment", paramLabel = "<text>", description = "Why it is fine to apply.")
	String comment;

	private final ApprovalService approvals;

	ApproveCommand(TargetEnvironment environment, ApprovalService approvals) {
		super(environment);
		this.approvals = approvals;
	}

	@Override
	int run(Console console) {
		Plan plan = approvals.approve(planId, identity(), comment);
		Reports.printPlan(console, plan);
		console.field("approved", plan.id() + " by " + plan.decidedBy() + " for digest " + plan.approvedDigest());
		console.line("next: opsbatch execute " + plan.id() + " (or the operation's --execute --plan " + plan.id() + ")");
		return ok();
	}

}
