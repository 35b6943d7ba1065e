package io.opsbatch.jobs.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code config/fixes/<id>.yml}. Syntax errors, unknown keys and wrong types are reported with the file and
 * line; so are missing keys and bad values, at the line of the key they concern.
 */
public final class YamlFixLoader {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private YamlFixLoader() {
	}

	/** Load and check the shape of a fix file; the database checks come later, in {@link FixValidator}. */
	public static FixDefinition load(String id, Path file) {
		String text;
		try {
			text = Files.readString(file);
		}
		catch (IOException ex) {
			throw new InvalidFixException(file + ": cannot read: " + ex.getMessage(), ex);
		}
		FixFile raw;
		try {
			raw = YAML.readValue(text, FixFile.class);
		}
		catch (UnrecognizedPropertyException ex) {
			throw new Lines(file, text).error(ex.getPropertyName(), "unknown key '" + ex.getPropertyName()
					+ "' (known keys: description, ticket, store, table, key, action, where, params, set; "
					+ "a parameter takes type, default, required, pattern, description)");
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() == null) ? -1 : ex.getLocation().getLineNr();
			throw new InvalidFixException(file + (line > 0 ? " line " + line : "") + ": " + firstLine(ex.getOriginalMessage()), ex);
		}
		if (raw == null) {
			throw new InvalidFixException(file + ": the file is empty");
		}
		Lines lines = new Lines(file, text);
		require(raw.description, "description", lines);
		require(raw.store, "store", lines);
		require(raw.table, "table", lines);
		require(raw.where, "where", lines);
		if (raw.key == null || raw.key.isEmpty()) {
			throw lines.error("key", "'key' must list the key columns, e.g. key: [id]");
		}
		FixAction action;
		try {
			action = (raw.action == null) ? FixAction.UPDATE : FixAction.valueOf(raw.action.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw lines.error("action", "action must be update or delete, got '" + raw.action + "'");
		}
		Map<String, Object> set = (raw.set == null) ? Map.of() : raw.set;
		if (action == FixAction.UPDATE && set.isEmpty()) {
			throw lines.error("set", "an update fix needs 'set' with at least one column");
		}
		if (action == FixAction.DELETE && !set.isEmpty()) {
			throw lines.error("set", "a delete fix cannot have 'set'");
		}
		Map<String, FixParameter> parameters = new LinkedHashMap<>();
		if (raw.params != null) {
			raw.params.forEach((name, p) -> parameters.put(name, parameter(name, p, lines)));
		}
		for (Map.Entry<String, Object> entry : set.entrySet()) {
			Object value = entry.getValue();
			if (value instanceof Map || value instanceof List) {
				throw lines.error("set", entry.getKey(), "the value of set." + entry.getKey() + " must be a literal or ${parameter}");
			}
			if (value instanceof String s && s.startsWith("${") && s.endsWith("}")) {
				String ref = s.substring(2, s.length() - 1);
				if (!ref.equals("now") && !parameters.containsKey(ref)) {
					throw lines.error("set", entry.getKey(), "set." + entry.getKey() + " refers to undeclared parameter '" + ref + "'");
				}
			}
		}
		return new FixDefinition(id, raw.description.trim(), raw.ticket, raw.store, raw.table, List.copyOf(raw.key),
				action, raw.where.trim(), parameters, set, file);
	}

	private static FixParameter parameter(String name, ParamFile raw, Lines lines) {
		if (!NAME.matcher(name).matches() || name.equals("now")) {
			throw lines.error("params", name, "parameter name '" + name + "' must be lower case letters, digits and _ (and not 'now')");
		}
		ParameterType type;
		try {
			type = ParameterType.ofName((raw == null || raw.type == null) ? "string" : raw.type);
		}
		catch (IllegalArgumentException ex) {
			throw lines.error("params", name, "parameter '" + name + "' has unknown type '" + raw.type
					+ "' (string, int, long, decimal, boolean, date, timestamp, age)");
		}
		Pattern pattern = null;
		if (raw != null && raw.pattern != null) {
			try {
				pattern = Pattern.compile(raw.pattern);
			}
			catch (PatternSyntaxException ex) {
				throw lines.error("params", name, "parameter '" + name + "' has an invalid pattern: " + ex.getDescription());
			}
		}
		String defaultValue = (raw == null || raw.defaultValue == null) ? null : raw.defaultValue.toString();
		boolean required = raw != null && raw.required != null ? raw.required : defaultValue == null;
		return new FixParameter(name, type, defaultValue, required, pattern, (raw == null) ? null : raw.description);
	}

	private static void require(String value, String key, Lines lines) {
		if (value == null || value.isBlank()) {
			throw new InvalidFixException(lines.file + ": missing '" + key + "'");
		}
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	/** Finds the line of a key, for errors found after parsing. */
	record Lines(Path file, String text) {

		InvalidFixException error(String key, String message) {
			return error(null, key, message);
		}

		/** An error at the line of {@code key} inside the top-level {@code section} (anywhere when null). */
		InvalidFixException error(String section, String key, String message) {
			int line = lineOf(section, key);
			return new InvalidFixException(file + (line > 0 ? " line " + line : "") + ": " + message);
		}

		int lineOf(String section, String key) {
			String[] all = text.split("\n", -1);
			int start = 0;
			int end = all.length;
			if (section != null) {
				Pattern sectionLine = Pattern.compile("^" + Pattern.quote(section) + "\\s*:.*");
				Pattern topLevel = Pattern.compile("^[A-Za-z_].*");
				for (int i = 0; i < all.length; i++) {
					if (sectionLine.matcher(all[i]).matches()) {
						start = i + 1;
						end = all.length;
						for (int j = start; j < all.length; j++) {
							if (topLevel.matcher(all[j]).matches()) {
								end = j;
								break;
							}
						}
						break;
					}
				}
			}
			Pattern keyLine = Pattern.compile("^\\s*-?\\s*" + Pattern.quote(key) + "\\s*:.*");
			for (int i = start; i < end; i++) {
				if (keyLine.matcher(all[i]).matches()) {
					return i + 1;
				}
			}
			return (section != null) ? lineOf(null, section) : -1;
		}

	}

	/** The file as written. */
	record FixFile(String description, String ticket, String store, String table, List<String> key, String action,
			String where, Map<String, ParamFile> params, Map<String, Object> set) {
	}

	/** A parameter as written. */
	record ParamFile(String type, @JsonProperty("default") Object defaultValue, Boolean required, String pattern,
			String description) {
	}

}
