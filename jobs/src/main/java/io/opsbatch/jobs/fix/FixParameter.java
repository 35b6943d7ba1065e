package io.opsbatch.jobs.fix;

import java.util.regex.Pattern;

/**
 * A parameter a fix declares.
 *
 * @param name the name used in {@code where} ({@code :name}) and {@code set} ({@code ${name}})
 * @param type how the value is parsed and bound
 * @param defaultValue the value when none is given, or null
 * @param required whether a value must be given when there is no default
 * @param pattern for text parameters, a regular expression the whole value must match, or null
 * @param description what it means, for the operator
 */
public record FixParameter(String name, ParameterType type, String defaultValue, boolean required, Pattern pattern,
		String description) {
}
