package io.opsbatch.jobs.reconcile;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the line of a (nested) key in a definition file, for errors found after parsing. */
record DefinitionLines(Path file, String text) {

	private static final Pattern KEY = Pattern.compile("^(\\s*)-?\\s*([A-Za-z0-9_-]+)\\s*:.*");

	/** An error at the line of the key path, e.g. {@code ("derived", "table")}; the deepest key found wins. */
	InvalidReconciliationException error(String message, String... path) {
		int line = lineOf(path);
		return new InvalidReconciliationException(file + (line > 0 ? " line " + line : "") + ": " + message);
	}

	int lineOf(String... path) {
		String[] lines = text.split("\n", -1);
		int found = -1;
		int from = 0;
		int parentIndent = -1;
		for (String key : path) {
			int match = -1;
			for (int i = from; i < lines.length; i++) {
				Matcher m = KEY.matcher(lines[i]);
				if (!m.matches()) {
					continue;
				}
				int indent = m.group(1).length();
				if (indent <= parentIndent) {
					break;
				}
				if (m.group(2).equals(key)) {
					match = i;
					parentIndent = indent;
					break;
				}
			}
			if (match < 0) {
				return found;
			}
			found = match + 1;
			from = match + 1;
		}
		return found;
	}

}
