package io.opsbatch;

import java.io.PrintWriter;
import java.util.Arrays;

import io.opsbatch.cli.Cli;
import io.opsbatch.cli.ServeCommand;
import io.opsbatch.cli.StartupFailure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The opsbatch command line: starts Spring, runs one command, exits with its code. Arguments of the form
 * {@code --spring.*=}, {@code --opsbatch.*=} and {@code --logging.*=} configure Spring; the rest is the command.
 */
@SpringBootApplication
public class OpsbatchApplication {

	public static void main(String[] args) {
		String[] springArgs = Arrays.stream(args).filter(OpsbatchApplication::isSpringArgument).toArray(String[]::new);
		String[] commandArgs = Arrays.stream(args).filter((a) -> !isSpringArgument(a)).toArray(String[]::new);
		boolean debug = Arrays.asList(commandArgs).contains("--debug");
		if (debug) {
			springArgs = java.util.stream.Stream.concat(Arrays.stream(springArgs),
					java.util.stream.Stream.of("--logging.level.org.springframework.batch=INFO",
							"--logging.level.io.opsbatch=DEBUG"))
				.toArray(String[]::new);
		}
		if (commandArgs.length > 0 && "serve".equals(commandArgs[0])) {
			springArgs = ServeCommand.springArguments(springArgs);
		}
		ConfigurableApplicationContext context;
		try {
			context = SpringApplication.run(OpsbatchApplication.class, springArgs);
		}
		catch (RuntimeException ex) {
			System.exit(StartupFailure.report(ex, debug, System.err));
			return;
		}
		int code = context.getBean(Cli.class)
			.execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), commandArgs);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	private static boolean isSpringArgument(String argument) {
		return argument.startsWith("--spring.") || argument.startsWith("--opsbatch.") || argument.startsWith("--logging.")
				|| argument.startsWith("--server.") || argument.startsWith("--management.");
	}

}
