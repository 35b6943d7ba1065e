package io.opsbatch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.plan.CanonicalJson;

/**
 * What a command prints. In text mode: the target environment first, then lines and tables. With {@code --json}:
 * one JSON document (the environment included) and nothing else on standard output.
 */
public class Console {

	private final PrintWriter out;

	private final boolean json;

	private final Map<String, Object> document = new LinkedHashMap<>();

	Console(PrintWriter out, boolean json, TargetEnvironment environment) {
		this.out = out;
		this.json = json;
		Map<String, Object> env = new LinkedHashMap<>();
		env.put("name", environment.name());
		env.put("profiles", environment.profiles());
		env.put("database", environment.database());
		env.put("selfApproval", environment.selfApprovalAllowed());
		document.put("environment", env);
		if (!json) {
			out.println(environment.describe());
		}
	}

	/** Whether the output is JSON. */
	public boolean json() {
		return json;
	}

	/** Print a line (text mode only). */
	public void line(String text) {
		if (!json) {
			out.println(text);
		}
	}

	/** Print {@code label: value} in text mode and record it in the JSON document. */
	public void field(String label, Object value) {
		document.put(label, value);
		if (!json) {
			out.println(label + ": " + (value == null ? "-" : value));
		}
	}

	/** Record a value in the JSON document only. */
	public void data(String key, Object value) {
		document.put(key, value);
	}

	/** Print a table (text mode only). */
	public void table(List<String> headers, List<List<String>> rows) {
		if (json) {
			return;
		}
		int[] widths = new int[headers.size()];
		for (int i = 0; i < headers.size(); i++) {
			widths[i] = headers.get(i).length();
			for (List<String> row : rows) {
				widths[i] = Math.max(widths[i], Math.min(60, row.get(i).length()));
			}
		}
		out.println("  " + format(headers, widths));
		List<String> rule = new ArrayList<>();
		for (int width : widths) {
			rule.add("-".repeat(width));
		}
		out.println("  " + format(rule, widths));
		for (List<String> row : rows) {
			out.println("  " + format(row, widths));
		}
	}

	/** Finish the command: in JSON mode print the document. */
	void finish() {
		if (json) {
			out.println(CanonicalJson.DOCUMENT_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
		}
		out.flush();
	}

	private static String format(List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			if (cell.length() > 60) {
				cell = cell.substring(0, 57) + "...";
			}
			line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cell));
		}
		return line.toString().stripTrailing();
	}

}
