package io.opsbatch.cli;

import java.util.concurrent.Callable;

import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.cli.Identity;
import io.opsbatch.platform.cli.TargetEnvironment;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A leaf command: prints the environment, does its work, returns an exit code. */
abstract class CommandBase implements Callable<Integer> {

	@Mixin
	GlobalOptions global = new GlobalOptions();

	@Spec
	CommandSpec spec;

	private final TargetEnvironment environment;

	CommandBase(TargetEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public final Integer call() {
		Console console = new Console(spec.commandLine().getOut(), global.json, environment);
		try {
			int code = run(console);
			console.data("exitCode", code);
			return code;
		}
		catch (RuntimeException ex) {
			// in JSON mode the document says why too: a script reading stdout sees the failure, not a partial result
			console.data("exitCode", Cli.exitCode(ex));
			console.data("error", Cli.reason(ex));
			throw ex;
		}
		finally {
			console.finish();
		}
	}

	/** Do the command's work. */
	abstract int run(Console console);

	/** Who runs this command. */
	String identity() {
		return Identity.current(global.as);
	}

	static int ok() {
		return ExitCodes.OK;
	}

}
