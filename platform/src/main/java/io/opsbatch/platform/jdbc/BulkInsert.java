package io.opsbatch.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends rows to one of the platform's own tables in the caller's transaction. On PostgreSQL a whole batch is one
 * statement, {@code INSERT ... SELECT ... FROM unnest(?::text[], ...)}, one array per column (several times faster
 * than even rewritten multi-row inserts); elsewhere it is a JDBC batch. Values are passed as text and cast to the
 * column's type, so callers give plain Java values whose {@code toString()} is the SQL literal form.
 */
public final class BulkInsert {

	private final JdbcTemplate jdbc;

	private final String batchSql;

	private final String unnestSql;

	private final int columns;

	private volatile Boolean postgres;

	/**
	 * @param table the table
	 * @param columns the columns, each {@code name:type} where type is the PostgreSQL cast type (e.g.
	 * {@code ts:timestamptz}, {@code seq:int8}, {@code action:text})
	 */
	public BulkInsert(JdbcTemplate jdbc, String table, List<String> columns) {
		this.jdbc = jdbc;
		this.columns = columns.size();
		List<String> names = new ArrayList<>();
		List<String> casts = new ArrayList<>();
		List<String> aliases = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			String[] parts = columns.get(i).split(":");
			names.add(parts[0]);
			aliases.add("c" + i);
			casts.add("CAST(c" + i + " AS " + parts[1] + ")");
		}
		this.batchSql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
				+ String.join(", ", names.stream().map((n) -> "?").toList()) + ")";
		this.unnestSql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT "
				+ String.join(", ", casts) + " FROM unnest("
				+ String.join(", ", aliases.stream().map((a) -> "?::text[]").toList()) + ") AS u("
				+ String.join(", ", aliases) + ")";
	}

	/** Insert the rows, each an array of values in column order. */
	public void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (!postgres()) {
			jdbc.batchUpdate(batchSql, rows);
			return;
		}
		jdbc.update((Connection connection) -> {
			PreparedStatement ps = connection.prepareStatement(unnestSql);
			for (int column = 0; column < columns; column++) {
				String[] values = new String[rows.size()];
				for (int row = 0; row < values.length; row++) {
					Object value = rows.get(row)[column];
					values[row] = (value == null) ? null : value.toString();
				}
				ps.setArray(column + 1, connection.createArrayOf("text", values));
			}
			return ps;
		});
	}

	private boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			known = Boolean.TRUE.equals(jdbc.execute(
					(Connection connection) -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
			postgres = known;
		}
		return known;
	}

}
