package io.opsbatch.cli;

import java.io.PrintWriter;
import java.util.Arrays;

import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.cli.Secrets;
import io.opsbatch.platform.cli.TargetEnvironment;
import picocli.CommandLine;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one command line against the application context. Errors become one line on standard error and an exit code
 * (see {@link ExitCodes}); stack traces only with {@code --debug}.
 */
@Component
public class Cli {

	private final AutowireCapableBeanFactory beans;

	public Cli(AutowireCapableBeanFactory beans) {
		this.beans = beans;
	}

	/** Run a command and return its exit code. */
	public int execute(PrintWriter out, PrintWriter err, String... args) {
		boolean debug = Arrays.asList(args).contains("--debug");
		CommandLine commandLine = new CommandLine(OpsbatchCommand.class, new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				if (type.getName().startsWith("io.opsbatch.")) {
					return beans.createBean(type);
				}
				return CommandLine.defaultFactory().create(type);
			}
		});
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			// the target environment comes first, as for every command, even when the command line is wrong
			out.println(beans.getBean(TargetEnvironment.class).describe());
			out.flush();
			err.println("error: " + ex.getMessage());
			err.println("usage: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
			err.flush();
			return ExitCodes.INVALID_INPUT;
		});
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			int code = report(ex, err, debug);
			err.flush();
			return code;
		});
		int code = commandLine.execute(GlobalOptionOrder.normalize(args));
		out.flush();
		err.flush();
		return code;
	}

	private static int report(Exception ex, PrintWriter err, boolean debug) {
		err.println("error: " + reason(ex) + ((known(ex) == null && !debug) ? " (run again with --debug for details)" : ""));
		if (debug) {
			ex.printStackTrace(err);
		}
		return exitCode(ex);
	}

	/** The exit code a failure maps to: the project exception's own, else {@link ExitCodes#UNEXPECTED}. */
	static int exitCode(Throwable ex) {
		OpsbatchException known = known(ex);
		return (known != null) ? known.exitCode() : ExitCodes.UNEXPECTED;
	}

	/** The one-line reason of a failure, secrets masked. */
	static String reason(Throwable ex) {
		OpsbatchException known = known(ex);
		return (known != null) ? Secrets.mask(known.getMessage())
				: "unexpected failure: " + Secrets.mask(String.valueOf(ex.getMessage()));
	}

	private static OpsbatchException known(Throwable ex) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof OpsbatchException)) {
			cause = cause.getCause();
		}
		return (OpsbatchException) cause;
	}

}
