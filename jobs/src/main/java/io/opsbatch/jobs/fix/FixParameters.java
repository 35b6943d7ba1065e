package io.opsbatch.jobs.fix;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.change.jdbc.JdbcValues;

/**
 * Resolves the {@code --param name=value} of a dry-run against the fix's declarations: unknown names, missing
 * values and values that do not parse are refused before anything runs. The resolved values (ages turned into
 * timestamps, {@code now} added) are what the plan records and what its digest covers.
 */
public final class FixParameters {

	/** The built-in parameter holding the dry-run's start, usable in {@code set} as {@code ${now}}. */
	public static final String NOW = "now";

	private FixParameters() {
	}

	/**
	 * Resolve raw values.
	 * @throws InvalidInputException naming the parameter and what it expects
	 */
	public static Map<String, Object> resolve(FixDefinition fix, Map<String, String> raw, Instant now) {
		for (String name : raw.keySet()) {
			if (!fix.parameters().containsKey(name)) {
				throw new InvalidInputException("unknown parameter '" + name + "' for fix " + fix.id()
						+ (fix.parameters().isEmpty() ? " (it takes none)"
								: " (declared: " + String.join(", ", fix.parameters().keySet()) + ")"));
			}
		}
		Map<String, Object> resolved = new LinkedHashMap<>();
		for (FixParameter parameter : fix.parameters().values()) {
			String value = raw.getOrDefault(parameter.name(), parameter.defaultValue());
			if (value == null) {
				if (parameter.required()) {
					throw new InvalidInputException("missing parameter for fix " + fix.id() + ": --param "
							+ parameter.name() + "=<" + parameter.type().describe() + ">"
							+ (parameter.description() == null ? "" : " (" + parameter.description() + ")"));
				}
				resolved.put(parameter.name(), null);
				continue;
			}
			if (parameter.pattern() != null && !parameter.pattern().matcher(value).matches()) {
				throw new InvalidInputException("parameter '" + parameter.name() + "' of fix " + fix.id() + " value '"
						+ value + "' does not match " + parameter.pattern().pattern());
			}
			try {
				resolved.put(parameter.name(), parameter.type().resolve(value, now));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("parameter '" + parameter.name() + "' of fix " + fix.id() + " "
						+ ex.getMessage());
			}
		}
		resolved.put(NOW, JdbcValues.toJson(LocalDateTime.ofInstant(now, ZoneOffset.UTC).withNano(0)));
		return resolved;
	}

	/** The JDBC values to bind for the {@code where} clause: the parameters it references as {@code :name}. */
	public static Map<String, Object> bindValues(FixDefinition fix, Map<String, Object> resolved) {
		Map<String, Object> values = new LinkedHashMap<>();
		resolved.forEach((name, value) -> {
			if (!java.util.regex.Pattern.compile(":" + name + "\\b").matcher(fix.where()).find()) {
				return;
			}
			FixParameter parameter = fix.parameters().get(name);
			ParameterType type = (parameter == null) ? ParameterType.TIMESTAMP : parameter.type();
			values.put(name, type.bind(value));
		});
		return values;
	}

}
