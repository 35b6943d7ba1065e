package io.opsbatch.jobs.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opsbatch.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A reviewed definition file (a fix, an orphan rule, a reconciliation) and the one way every such file reports its
 * errors: {@code <file> line <n>: <reason>}. Syntax errors and unknown keys take their line from the parser; errors
 * found after parsing take the line of the key path they concern (e.g. {@code derived} / {@code table}).
 *
 * @param file the file
 * @param text its content
 * @param errors makes the operation's own exception (exit code 2) from a message
 */
public record DefinitionFile(Path file, String text, Function<String, ? extends InvalidInputException> errors) {

	private static final Pattern KEY = Pattern.compile("^(\\s*)-?\\s*([A-Za-z0-9_-]+)\\s*:.*");

	/** Read a definition file. */
	public static DefinitionFile read(Path file, Function<String, ? extends InvalidInputException> errors) {
		try {
			return new DefinitionFile(file, Files.readString(file), errors);
		}
		catch (IOException ex) {
			throw errors.apply(file + ": cannot read: " + ex.getMessage());
		}
	}

	/** The same file's lines, for a definition loaded earlier (a missing file gives errors without lines). */
	public static DefinitionFile lines(Path file, Function<String, ? extends InvalidInputException> errors) {
		try {
			return new DefinitionFile(file, (file == null) ? "" : Files.readString(file), errors);
		}
		catch (IOException ex) {
			return new DefinitionFile(file, "", errors);
		}
	}

	/**
	 * Parse the file into its raw shape.
	 * @param knownKeys how the file's keys are described in an unknown-key error
	 */
	public <T> T parse(YAMLMapper yaml, Class<T> type, String knownKeys) {
		T parsed;
		try {
			parsed = yaml.readValue(text, type);
		}
		catch (UnrecognizedPropertyException ex) {
			String[] path = path(ex);
			throw error("unknown key '" + ex.getPropertyName() + "' (known keys: " + knownKeys + ")", path);
		}
		catch (MismatchedInputException ex) {
			int line = (ex.getLocation() == null) ? -1 : ex.getLocation().getLineNr();
			throw errors.apply(file + (line > 0 ? " line " + line : "") + ": " + mismatch(ex));
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() == null) ? -1 : ex.getLocation().getLineNr();
			throw errors.apply(file + (line > 0 ? " line " + line : "") + ": " + firstLine(ex.getOriginalMessage()));
		}
		if (parsed == null) {
			throw errors.apply(file + ": the file is empty");
		}
		return parsed;
	}

	/** An error at the line of the key path (null elements are skipped); the deepest key found gives the line. */
	public InvalidInputException error(String message, String... path) {
		int line = lineOf(path);
		return errors.apply(file + (line > 0 ? " line " + line : "") + ": " + message);
	}

	/** The 1-based line of the deepest key of the path that is found, or -1. */
	public int lineOf(String... path) {
		List<String> keys = Arrays.stream(path).filter(Objects::nonNull).toList();
		String[] lines = text.split("\n", -1);
		int found = -1;
		int from = 0;
		int parentIndent = -1;
		for (String key : keys) {
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

	private static String[] path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map(DatabindException.Reference::getPropertyName)
			.filter(Objects::nonNull)
			.toArray(String[]::new);
	}

	/** A value of the wrong shape, said in the file's terms: the key, and what it must be. */
	private static String mismatch(MismatchedInputException ex) {
		String key = ex.getPath().stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse("the file");
		Class<?> target = ex.getTargetType();
		String expected;
		if (target == null) {
			expected = "a value of another shape";
		}
		else if (Collection.class.isAssignableFrom(target) || target.isArray()) {
			expected = "a list, e.g. [a, b]";
		}
		else if (Map.class.isAssignableFrom(target)) {
			expected = "a mapping of keys to values";
		}
		else if (target == String.class) {
			expected = "a text value";
		}
		else if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
			expected = "a " + (target == boolean.class || target == Boolean.class ? "boolean (true/false)" : "number");
		}
		else if (target.isEnum()) {
			expected = "one of " + Arrays.toString(target.getEnumConstants()).toLowerCase(Locale.ROOT);
		}
		else {
			expected = "a mapping of keys to values";
		}
		return "'" + key + "' must be " + expected;
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
