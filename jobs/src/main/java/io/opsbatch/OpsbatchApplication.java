package io.opsbatch;

import io.opsbatch.cli.StartupFailure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The opsbatch command line: starts Spring, runs one command, exits with its code. */
@SpringBootApplication
public class OpsbatchApplication {

	public static void main(String[] args) {
		boolean debug = java.util.Arrays.asList(args).contains("--debug");
		ConfigurableApplicationContext context;
		try {
			context = SpringApplication.run(OpsbatchApplication.class, args);
		}
		catch (RuntimeException ex) {
			System.exit(StartupFailure.report(ex, debug, System.err));
			return;
		}
		System.exit(SpringApplication.exit(context));
	}

}
