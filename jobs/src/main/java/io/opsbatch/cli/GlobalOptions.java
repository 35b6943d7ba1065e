package io.opsbatch.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public class GlobalOptions {

	@Option(names = "--json", description = "Print one machine-readable JSON document instead of text.")
	boolean json;

	@Option(names = "--debug", description = "Print stack traces with errors.")
	boolean debug;

	@Option(names = "--as", paramLabel = "<user>",
			description = "Who you are (recorded as requester, approver or executor); default $OPSBATCH_USER, else the OS user.")
	String as;

}
