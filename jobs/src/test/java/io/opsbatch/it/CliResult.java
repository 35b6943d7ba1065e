package io.opsbatch.it;

import java.util.Arrays;

/** What one command printed and returned. */
record CliResult(int exitCode, String out, String err) {

	/** The value of a {@code label: value} line, or null. */
	String field(String label) {
		return Arrays.stream(out.split("\n"))
			.filter((line) -> line.startsWith(label + ": "))
			.map((line) -> line.substring(label.length() + 2).trim())
			.findFirst()
			.orElse(null);
	}

	String plan() {
		return field("plan");
	}

	long run() {
		return Long.parseLong(field("run"));
	}

	@Override
	public String toString() {
		return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
	}

}
