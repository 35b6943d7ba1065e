package io.opsbatch.jobs.reconcile;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.opsbatch.jobs.support.DefinitionFile;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.change.jdbc.Column;
import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.change.jdbc.JdbcValues;
import io.opsbatch.platform.change.jdbc.TableMetadata;
import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonSide;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks a reconciliation against its stores before anything runs: both stores are configured, the derived table and
 * every column it names exist, tolerances are on numeric columns, insert values fit their columns, and the source
 * (table or query) yields the key and field columns. Errors name the file and line.
 */
public final class ReconciliationValidator {

	private static final Set<Integer> NUMERIC = Set.of(Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT,
			Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL);

	private ReconciliationValidator() {
	}

	/** A checked definition with its stores and metadata, ready to build comparisons. */
	public record Checked(ReconciliationDefinition definition, JdbcTargetStore source, JdbcTargetStore derived,
			TableMetadata table, List<String> key, List<String> fields) {

		/**
		 * The comparison of all records, or of one resource.
		 * @param resource the resource id as typed, or null for all
		 * @throws InvalidInputException when the id does not fit the key column
		 */
		public Comparison comparison(String resource) {
			Object value = null;
			if (resource != null) {
				if (key.size() != 1) {
					throw new InvalidInputException("reconciliation " + definition.name() + " has a composite key "
							+ key + "; one resource cannot be selected by one id (use --all)");
				}
				value = JdbcValues.toJdbc(resource, table.column(key.get(0)));
			}
			ComparisonSide sourceSide = (definition.sourceQuery() != null)
					? ComparisonSide.query(source.name(), source.dataSource(), definition.sourceQuery())
					: new ComparisonSide(source.name(), source.dataSource(),
							source.table(definition.sourceTable()).table());
			ComparisonSide derivedSide = new ComparisonSide(derived.name(), derived.dataSource(), table.table());
			Map<String, java.math.BigDecimal> tolerance = new LinkedHashMap<>();
			definition.tolerance().forEach((field, amount) -> tolerance.put(table.column(field).name(), amount));
			return new Comparison(sourceSide, derivedSide, key, fields, tolerance, value);
		}

	}

	/** Check a definition. */
	public static Checked check(ReconciliationDefinition definition, JdbcTargetStores stores) {
		DefinitionFile lines = lines(definition);
		JdbcTargetStore source = store(stores, definition.sourceStore(), lines, "source");
		JdbcTargetStore derived = store(stores, definition.derivedStore(), lines, "derived");
		TableMetadata table;
		try {
			table = derived.table(definition.derivedTable());
		}
		catch (InvalidInputException ex) {
			throw lines.error(ex.getMessage(), "derived", "table");
		}
		List<String> key = columns(table, definition.key(), lines, "key");
		List<String> fields = columns(table, definition.fields(), lines, "fields");
		definition.tolerance().keySet().forEach((field) -> {
			if (!NUMERIC.contains(table.column(field).sqlType())) {
				throw lines.error("tolerance." + field + " is on a column of type " + table.column(field).typeName()
						+ "; tolerances apply to numeric columns", "tolerance", field);
			}
		});
		definition.insertValues().forEach((column, value) -> {
			try {
				JdbcValues.normalize(value, table.column(column));
			}
			catch (InvalidInputException ex) {
				throw lines.error("insert-values." + column + ": " + ex.getMessage(), "correct", "insert-values", column);
			}
			if (key.contains(column.toLowerCase(Locale.ROOT)) || fields.contains(column.toLowerCase(Locale.ROOT))) {
				throw lines.error("insert-values." + column + " is a key or compared column; it comes from the source",
						"correct", "insert-values", column);
			}
		});
		Set<String> needed = new TreeSet<>(key);
		needed.addAll(fields);
		Set<String> provided = new TreeSet<>();
		if (definition.sourceQuery() != null) {
			try {
				new JdbcTemplate(source.dataSource()).query("SELECT * FROM (" + definition.sourceQuery() + ") s WHERE 1 = 0",
						(rs) -> {
							for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
								provided.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
							}
							return null;
						});
			}
			catch (DataAccessException ex) {
				String reason = String.valueOf(ex.getMostSpecificCause().getMessage());
				int newline = reason.indexOf('\n');
				throw lines.error("the database refused the source query: "
						+ ((newline < 0) ? reason : reason.substring(0, newline)), "source", "query");
			}
		}
		else {
			try {
				source.table(definition.sourceTable()).columns().forEach((c) -> provided.add(c.name()));
			}
			catch (InvalidInputException ex) {
				throw lines.error(ex.getMessage(), "source", "table");
			}
		}
		needed.removeAll(provided);
		if (!needed.isEmpty()) {
			throw lines.error("the source does not give column(s) " + needed + " (name them like the derived columns, e.g. "
					+ "SELECT account_id AS id)", "source", (definition.sourceQuery() != null) ? "query" : "table");
		}
		return new Checked(definition, source, derived, table, key, fields);
	}

	private static JdbcTargetStore store(JdbcTargetStores stores, String name, DefinitionFile lines, String section) {
		try {
			return stores.get(name);
		}
		catch (InvalidInputException ex) {
			throw lines.error(ex.getMessage(), section, "store");
		}
	}

	private static List<String> columns(TableMetadata table, List<String> names, DefinitionFile lines, String key) {
		try {
			return names.stream().map(table::column).map(Column::name).toList();
		}
		catch (InvalidInputException ex) {
			throw lines.error(ex.getMessage(), "derived", key);
		}
	}

	private static DefinitionFile lines(ReconciliationDefinition definition) {
		return DefinitionFile.lines(definition.file(), InvalidReconciliationException::new);
	}

}
