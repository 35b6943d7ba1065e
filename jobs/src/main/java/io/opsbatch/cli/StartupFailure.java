package io.opsbatch.cli;

import java.io.PrintStream;
import java.sql.SQLException;

import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.cli.Secrets;

/** Turns a failure to start (a database that cannot be reached, a bad configuration file) into one line. */
public final class StartupFailure {

	private StartupFailure() {
	}

	/** Print the reason and return the exit code. */
	public static int report(Throwable failure, boolean debug, PrintStream err) {
		Throwable root = failure;
		Throwable sql = null;
		while (root.getCause() != null && root.getCause() != root) {
			if (root instanceof SQLException) {
				sql = root;
			}
			root = root.getCause();
		}
		if (root instanceof SQLException) {
			sql = root;
		}
		if (sql != null) {
			err.println("error: cannot reach the platform database: " + Secrets.mask(firstLine(sql.getMessage()))
					+ " (check spring.datasource.url / DB_ENDPOINT, DB_NAME)");
		}
		else {
			err.println("error: opsbatch could not start: " + Secrets.mask(firstLine(root.getMessage())));
		}
		if (debug) {
			failure.printStackTrace(err);
		}
		return ExitCodes.INVALID_INPUT;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "(no message)";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
