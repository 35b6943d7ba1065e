package io.opsbatch.cli;

import java.io.PrintWriter;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs the command line the process was started with, once the application context is ready. */
@Component
@ConditionalOnProperty(name = "opsbatch.cli.enabled", havingValue = "true", matchIfMissing = true)
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

	private final Cli cli;

	private int exitCode;

	CliRunner(Cli cli) {
		this.cli = cli;
	}

	@Override
	public void run(String... args) {
		String[] commandArgs = java.util.Arrays.stream(args).filter((a) -> !a.startsWith("--spring.")).toArray(String[]::new);
		exitCode = cli.execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), commandArgs);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
