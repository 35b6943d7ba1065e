package io.opsbatch.jobs.fix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.change.CasDecision;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.jdbc.JdbcValues;
import io.opsbatch.platform.change.jdbc.TableMetadata;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a selected record into its change: the key, the current values of the columns the fix sets (before) and
 * their after-values, normalized to the column types. A record that already holds its after-values is skipped.
 */
public class FixChangeProcessor implements ItemProcessor<Map<String, Object>, Change> {

	private final DataFix fix;

	private final TableMetadata table;

	private final Map<String, Object> parameters;

	public FixChangeProcessor(DataFix fix, TableMetadata table, Map<String, Object> parameters) {
		this.fix = fix;
		this.table = table;
		this.parameters = parameters;
	}

	@Override
	public Change process(Map<String, Object> row) {
		FixDefinition definition = fix.definition();
		Map<String, Object> key = new LinkedHashMap<>();
		for (String column : definition.key()) {
			key.put(column.toLowerCase(java.util.Locale.ROOT), row.get(column.toLowerCase(java.util.Locale.ROOT)));
		}
		if (definition.kind() == FixAction.DELETE) {
			return new Change(definition.store(), definition.table(), key, new LinkedHashMap<>(row), null);
		}
		Map<String, Object> after = fix.after(row, parameters);
		if (after == null) {
			return null;
		}
		Map<String, Object> normalized = new LinkedHashMap<>();
		Map<String, Object> before = new LinkedHashMap<>();
		after.forEach((column, value) -> {
			String name = table.column(column).name();
			normalized.put(name, JdbcValues.normalize(value, table.column(column)));
			before.put(name, row.get(name));
		});
		if (CasDecision.matches(normalized, before)) {
			return null;
		}
		return new Change(definition.store(), definition.table(), key, before, normalized);
	}

	/** The columns a fix reads: its key, then the columns it sets and reads (all columns for a delete). */
	public static List<String> columnsRead(DataFix fix, TableMetadata table) {
		FixDefinition definition = fix.definition();
		if (definition.kind() == FixAction.DELETE) {
			return table.columns().stream().map(io.opsbatch.platform.change.jdbc.Column::name).toList();
		}
		java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
		definition.key().forEach((c) -> columns.add(table.column(c).name()));
		definition.set().keySet().forEach((c) -> columns.add(table.column(c).name()));
		fix.readColumns().forEach((c) -> columns.add(table.column(c).name()));
		return List.copyOf(columns);
	}

}
