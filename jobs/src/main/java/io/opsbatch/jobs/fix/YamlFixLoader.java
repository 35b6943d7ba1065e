package io.opsbatch.jobs.fix;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.opsbatch.jobs.support.DefinitionFile;
import tools.jackson.databind.DeserializationFeature;
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
		DefinitionFile lines = DefinitionFile.read(file, InvalidFixException::new);
		FixFile raw = lines.parse(YAML, FixFile.class, "description, ticket, store, table, key, action, where, params, "
				+ "set; a parameter takes type, default, required, pattern, description");
		require(raw.description, "description", lines);
		require(raw.store, "store", lines);
		require(raw.table, "table", lines);
		require(raw.where, "where", lines);
		if (raw.key == null || raw.key.isEmpty()) {
			throw lines.error("'key' must list the key columns, e.g. key: [id]", "key");
		}
		FixAction action;
		try {
			action = (raw.action == null) ? FixAction.UPDATE : FixAction.valueOf(raw.action.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw lines.error("action must be update or delete, got '" + raw.action + "'", "action");
		}
		Map<String, Object> set = (raw.set == null) ? Map.of() : raw.set;
		if (action == FixAction.UPDATE && set.isEmpty()) {
			throw lines.error("an update fix needs 'set' with at least one column", "set");
		}
		if (action == FixAction.DELETE && !set.isEmpty()) {
			throw lines.error("a delete fix cannot have 'set'", "set");
		}
		Map<String, FixParameter> parameters = new LinkedHashMap<>();
		if (raw.params != null) {
			raw.params.forEach((name, p) -> parameters.put(name, parameter(name, p, lines)));
		}
		for (Map.Entry<String, Object> entry : set.entrySet()) {
			Object value = entry.getValue();
			if (value instanceof Map || value instanceof List) {
				throw lines.error("the value of set." + entry.getKey() + " must be a literal or ${parameter}", "set", entry.getKey());
			}
			if (value instanceof String s && s.startsWith("${") && s.endsWith("}")) {
				String ref = s.substring(2, s.length() - 1);
				if (!ref.equals("now") && !parameters.containsKey(ref)) {
					throw lines.error("set." + entry.getKey() + " refers to undeclared parameter '" + ref + "'", "set", entry.getKey());
				}
			}
		}
		// the same parser that binds the selection later, so quotes and :: casts are read alike
		for (SqlParameter referenced : NamedParameterUtils.buildSqlParameterList(
				NamedParameterUtils.parseSqlStatement(raw.where), new MapSqlParameterSource())) {
			if (!parameters.containsKey(referenced.getName())) {
				throw lines.error("where refers to undeclared parameter ':" + referenced.getName() + "' (declare it under"
						+ " params)", "where");
			}
		}
		return new FixDefinition(id, raw.description.trim(), raw.ticket, raw.store, raw.table, List.copyOf(raw.key),
				action, raw.where.trim(), parameters, set, file);
	}

	private static FixParameter parameter(String name, ParamFile raw, DefinitionFile lines) {
		if (!NAME.matcher(name).matches() || name.equals("now")) {
			throw lines.error("parameter name '" + name + "' must be lower case letters, digits and _ (and not 'now')", "params", name);
		}
		ParameterType type;
		try {
			type = ParameterType.ofName((raw == null || raw.type == null) ? "string" : raw.type);
		}
		catch (IllegalArgumentException ex) {
			throw lines.error("parameter '" + name + "' has unknown type '" + raw.type
					+ "' (string, int, long, decimal, boolean, date, timestamp, age)", "params", name);
		}
		Pattern pattern = null;
		if (raw != null && raw.pattern != null) {
			try {
				pattern = Pattern.compile(raw.pattern);
			}
			catch (PatternSyntaxException ex) {
				throw lines.error("parameter '" + name + "' has an invalid pattern: " + ex.getDescription(), "params", name);
			}
		}
		String defaultValue = (raw == null || raw.defaultValue == null) ? null : raw.defaultValue.toString();
		boolean required = raw != null && raw.required != null ? raw.required : defaultValue == null;
		return new FixParameter(name, type, defaultValue, required, pattern, (raw == null) ? null : raw.description);
	}

	private static void require(String value, String key, DefinitionFile lines) {
		if (value == null || value.isBlank()) {
			throw lines.error("missing '" + key + "'");
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
