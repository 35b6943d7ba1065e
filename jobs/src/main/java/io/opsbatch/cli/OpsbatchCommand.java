package io.opsbatch.cli;

import picocli.CommandLine.Command;

/** The root command; every operation is a subcommand. */
@Command(name = "opsbatch", mixinStandardHelpOptions = true, version = "opsbatch 0.1.0",
		description = "Safe production operations: dry-run -> plan -> approve -> execute -> audit -> rollback.",
		subcommands = { FixCommand.class, ApproveCommand.class, RejectCommand.class, ExecuteCommand.class,
				RollbackCommand.class, RunsCommand.class, PlansCommand.class, AuditCommand.class, DemoCommand.class,
				OrphansCommand.class, ReconcileCommand.class, ServeCommand.class, SchedulesCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:ok", "1:unexpected failure (a restartable run failed, a bug)",
				"2:usage or validation error; nothing was changed", "3:refused by a safety rule; nothing was changed",
				"4:completed with conflicts (conflicting items were not applied)",
				"5:a scan found a rule at ISSUE severity" })
class OpsbatchCommand {

}
