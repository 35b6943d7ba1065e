package io.opsbatch.cli;

import io.opsbatch.platform.approval.ApprovalService;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opsbatch reject <plan-id> --as <user>}: a rejected plan can never execute. */
@Command(name = "reject", description = "Reject a pending or approved plan; it can never execute.")
class RejectCommand extends CommandBase {

	@Parameters(index = "0", paramLabel = "<plan-id>")
	String planId;

	@Option(names = "--comment", paramLabel = "<text>", description = "Why it must not be applied.")
	String comment;

	private final ApprovalService approvals;

	RejectCommand(TargetEnvironment environment, ApprovalService approvals) {
		super(environment);
		this.approvals = approvals;
	}

	@Override
	int run(Console console) {
		Plan plan = approvals.reject(planId, identity(), comment);
		Reports.printPlan(console, plan);
		console.field("rejected", plan.id() + " by " + plan.decidedBy());
		return ok();
	}

}
