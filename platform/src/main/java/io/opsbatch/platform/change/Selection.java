package io.opsbatch.platform.change;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a dry-run selects from a target store: the records of a table that a filter picks, read in key order.
 *
 * @param name the reader's name (its restart state is kept under it)
 * @param table the table
 * @param key the key columns: the reading order
 * @param columns the columns to read, the key columns among them
 * @param filter a condition in the store's own query language (SQL for a JDBC store), with {@code :name} placeholders
 * @param parameters the values of the placeholders, always bound, never written into the filter
 */
public record Selection(String name, String table, List<String> key, List<String> columns, String filter,
		Map<String, Object> parameters) {

	public Selection {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(filter, "filter");
		key = List.copyOf(key);
		columns = List.copyOf(columns);
		parameters = (parameters == null) ? Map.of() : Map.copyOf(parameters);
	}

}
