package io.opsbatch.jobs.fix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data fix. Most fixes are files ({@code config/fixes/<id>.yml}) whose after-values are literals; a fix that must
 * compute its after-values from the record it changes is a Spring bean implementing this interface. Either way the
 * after-values are resolved during the dry-run and stored literally in the plan, so execute applies exactly what
 * was approved.
 */
public interface DataFix {

	/** What the fix selects and which columns it sets. */
	FixDefinition definition();

	/** Columns the fix reads besides its key and the columns it sets. */
	default List<String> readColumns() {
		return List.of();
	}

	/**
	 * The after-values for one selected record.
	 * @param current the record's current values (key, set columns and {@link #readColumns()}), by lower-case column
	 * @param parameters the resolved parameters, including {@code now}
	 * @return the after-values by column, or null when the record needs no change
	 */
	default Map<String, Object> after(Map<String, Object> current, Map<String, Object> parameters) {
		Map<String, Object> after = new LinkedHashMap<>();
		definition().set().forEach((column, value) -> after.put(column, resolve(value, parameters)));
		return after;
	}

	/** A {@code ${name}} reference resolved to the parameter's value; any other value unchanged. */
	static Object resolve(Object value, Map<String, Object> parameters) {
		if (value instanceof String text && text.startsWith("${") && text.endsWith("}")) {
			return parameters.get(text.substring(2, text.length() - 1));
		}
		return value;
	}

}
