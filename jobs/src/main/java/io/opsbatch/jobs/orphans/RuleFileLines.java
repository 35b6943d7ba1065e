package io.opsbatch.jobs.orphans;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Finds the line of a key in a rule file, for errors found after parsing. */
record RuleFileLines(Path file, String text) {

	/** An error at the line of {@code key} inside the top-level {@code section} (anywhere when null). */
	InvalidOrphanRuleException error(String section, String key, String message) {
		int line = lineOf(section, key);
		return new InvalidOrphanRuleException(file + (line > 0 ? " line " + line : "") + ": " + message);
	}

	int lineOf(String section, String key) {
		String[] all = text.split("\n", -1);
		int start = 0;
		int end = all.length;
		if (section != null) {
			int sectionLine = find(all, Pattern.compile("^" + Pattern.quote(section) + "\\s*:.*"), 0, all.length);
			if (sectionLine < 0) {
				return -1;
			}
			start = sectionLine + 1;
			for (int j = start; j < all.length; j++) {
				if (all[j].matches("^[A-Za-z_].*")) {
					end = j;
					break;
				}
			}
			if (key == null) {
				return sectionLine + 1;
			}
		}
		int line = find(all, Pattern.compile("^\\s*-?\\s*" + Pattern.quote(key) + "\\s*:.*"), start, end);
		if (line < 0 && section != null) {
			return start;
		}
		return line + 1;
	}

	private static int find(String[] lines, Pattern pattern, int start, int end) {
		for (int i = start; i < end; i++) {
			if (pattern.matcher(lines[i]).matches()) {
				return i;
			}
		}
		return -1;
	}

}
