package io.opsbatch.cli;

import io.opsbatch.jobs.demo.DemoData;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.cli.TargetEnvironment;
import picocli.CommandLine.Command;

/** {@code opsbatch demo reset}: recreate the demo tables. */
@Command(name = "demo", description = "The embedded demo data.", subcommands = DemoCommand.Reset.class)
class DemoCommand {

	/** {@code opsbatch demo reset}. */
	@Command(name = "reset", description = "Drop and recreate the demo tables and data (plans, runs and audit are kept).")
	static class Reset extends CommandBase {

		private final DemoData demo;

		Reset(TargetEnvironment environment, org.springframework.beans.factory.ObjectProvider<DemoData> demo) {
			super(environment);
			this.demo = demo.getIfAvailable();
		}

		@Override
		int run(Console console) {
			if (demo == null) {
				throw new InvalidInputException("demo data is disabled in this environment (opsbatch.demo.enabled=false)");
			}
			demo.reset();
			console.field("demo", "tables recreated: " + String.join(", ", DemoData.TABLES));
			return ok();
		}

	}

}
