package io.opsbatch.platform.change.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.opsbatch.platform.InvalidInputException;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The columns of one table, read from the database's metadata. Table and column names that come from
 * configuration are checked here before they are used in SQL; values are always bound.
 */
public final class TableMetadata {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final String store;

	private final String table;

	private final Map<String, Column> columns;

	private TableMetadata(String store, String table, Map<String, Column> columns) {
		this.store = store;
		this.table = table;
		this.columns = columns;
	}

	/**
	 * Read the metadata of {@code table} ({@code name} or {@code schema.name}).
	 * @throws InvalidInputException when the name is not a plain identifier or the table does not exist
	 */
	public static TableMetadata load(String store, DataSource dataSource, String table) {
		String[] parts = table.split("\\.", -1);
		if (parts.length > 2 || !java.util.Arrays.stream(parts).allMatch((p) -> IDENTIFIER.matcher(p).matches())) {
			throw new InvalidInputException("table name '" + table + "' is not a plain identifier (store " + store + ")");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			String schema = (parts.length == 2) ? parts[0] : connection.getSchema();
			String name = parts[parts.length - 1];
			DatabaseMetaData meta = connection.getMetaData();
			for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
				Map<String, Column> columns = columns(meta, schema, candidate);
				if (columns.isEmpty() && schema != null) {
					columns = columns(meta, schema.toUpperCase(Locale.ROOT), candidate);
				}
				if (!columns.isEmpty()) {
					return new TableMetadata(store, table, columns);
				}
			}
			throw new InvalidInputException("unknown table '" + table + "' in store " + store);
		}
		catch (SQLException ex) {
			throw new InvalidInputException("cannot read the metadata of table '" + table + "' in store " + store
					+ ": " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static Map<String, Column> columns(DatabaseMetaData meta, String schema, String table)
			throws SQLException {
		Map<String, Column> columns = new LinkedHashMap<>();
		try (ResultSet rs = meta.getColumns(null, schema, table, null)) {
			while (rs.next()) {
				String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				// IS_NULLABLE is YES, NO, or empty when unknown: only a definite NO counts as NOT NULL
				columns.put(name, new Column(name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
						rs.getInt("DECIMAL_DIGITS"), !"NO".equals(rs.getString("IS_NULLABLE"))));
			}
		}
		return columns;
	}

	/** The table name as configured, safe to use in SQL. */
	public String table() {
		return table;
	}

	/** All columns, in table order. */
	public List<Column> columns() {
		return List.copyOf(columns.values());
	}

	/**
	 * The column with this name (case-insensitive).
	 * @throws InvalidInputException when the table has no such column
	 */
	public Column column(String name) {
		Column column = columns.get(name.toLowerCase(Locale.ROOT));
		if (column == null || !IDENTIFIER.matcher(name).matches()) {
			throw new InvalidInputException("unknown column '" + name + "' in table " + store + "." + table);
		}
		return column;
	}

}
