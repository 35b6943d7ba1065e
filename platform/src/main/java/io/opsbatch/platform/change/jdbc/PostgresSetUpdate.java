package io.opsbatch.platform.change.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.opsbatch.platform.change.Change;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch of same-shaped updates as one set-based compare-and-set statement on PostgreSQL:
 * <pre>
 * UPDATE t SET c = CAST(v.a0 AS type) ...
 * FROM unnest(?::text[], ...) AS v(k0, b0, a0, ...)
 * WHERE t.k = CAST(v.k0 AS type) AND t.c IS NOT DISTINCT FROM CAST(v.b0 AS type) ...
 * RETURNING t.k
 * </pre>
 * The rows it returns were applied; the caller decides the others as already applied or conflicts, exactly as for a
 * row-by-row update. Values travel as text arrays and are cast to each column's own type, so comparisons are those of
 * the column, as with bound parameters.
 */
final class PostgresSetUpdate {

	private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private PostgresSetUpdate() {
	}

	/** Whether a batch can be applied this way: updates only, with distinct keys and plainly named column types. */
	static boolean applicable(List<Change> batch, TableMetadata table) {
		Set<String> keys = new HashSet<>();
		for (Change change : batch) {
			if (change.before() == null || change.after() == null || !keys.add(keyText(change.key()))) {
				return false;
			}
		}
		Change first = batch.get(0);
		return columns(first, table).stream().allMatch((c) -> TYPE_NAME.matcher(c.typeName()).matches());
	}

	/**
	 * Apply the batch.
	 * @return the keys (see {@link #keyText}) of the rows that were updated
	 */
	static Set<String> apply(JdbcTemplate jdbc, List<Change> batch, TableMetadata table) {
		Change first = batch.get(0);
		List<Column> keys = first.key().keySet().stream().map(table::column).toList();
		List<Column> before = first.before().keySet().stream().map(table::column).toList();
		List<Column> after = first.after().keySet().stream().map(table::column).toList();
		List<String> set = new ArrayList<>();
		List<String> where = new ArrayList<>();
		List<String> aliases = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			aliases.add("k" + i);
			where.add("t." + keys.get(i).name() + " = " + cast("v.k" + i, keys.get(i)));
		}
		for (int i = 0; i < before.size(); i++) {
			aliases.add("b" + i);
			where.add("t." + before.get(i).name() + " IS NOT DISTINCT FROM " + cast("v.b" + i, before.get(i)));
		}
		for (int i = 0; i < after.size(); i++) {
			aliases.add("a" + i);
			set.add(after.get(i).name() + " = " + cast("v.a" + i, after.get(i)));
		}
		String sql = "UPDATE " + table.table() + " t SET " + String.join(", ", set) + " FROM unnest("
				+ String.join(", ", aliases.stream().map((a) -> "?::text[]").toList()) + ") AS v("
				+ String.join(", ", aliases) + ") WHERE " + String.join(" AND ", where) + " RETURNING "
				+ String.join(", ", keys.stream().map((k) -> "t." + k.name()).toList());
		Set<String> applied = new HashSet<>();
		jdbc.query((Connection connection) -> {
			PreparedStatement ps = connection.prepareStatement(sql);
			int index = 1;
			for (Column key : keys) {
				ps.setArray(index++, texts(connection, batch, key, Change::key));
			}
			for (Column column : before) {
				ps.setArray(index++, texts(connection, batch, column, Change::before));
			}
			for (Column column : after) {
				ps.setArray(index++, texts(connection, batch, column, Change::after));
			}
			return ps;
		}, (ResultSet rs) -> {
			List<Object> key = new ArrayList<>();
			for (int i = 1; i <= keys.size(); i++) {
				key.add(JdbcValues.toJson(rs.getObject(i)));
			}
			applied.add(keyText(key));
		});
		return applied;
	}

	/** A key's values as one comparable text; numbers by value. */
	static String keyText(Map<String, Object> key) {
		return keyText(new ArrayList<>(key.values()));
	}

	private static String keyText(List<Object> values) {
		StringBuilder text = new StringBuilder();
		for (Object value : values) {
			Object normalized = (value instanceof Number number)
					? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString() : value;
			text.append(normalized).append('\u0000');
		}
		return text.toString();
	}

	private static Array texts(Connection connection, List<Change> batch, Column column,
			java.util.function.Function<Change, Map<String, Object>> values) throws SQLException {
		String[] texts = new String[batch.size()];
		for (int i = 0; i < texts.length; i++) {
			Object value = JdbcValues.toJdbc(values.apply(batch.get(i)).get(column.name()), column);
			texts[i] = (value == null) ? null
					: (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
		}
		return connection.createArrayOf("text", texts);
	}

	private static String cast(String expression, Column column) {
		return "CAST(" + expression + " AS " + column.typeName() + ")";
	}

	private static List<Column> columns(Change change, TableMetadata table) {
		List<Column> columns = new ArrayList<>();
		change.key().keySet().forEach((c) -> columns.add(table.column(c)));
		change.before().keySet().forEach((c) -> columns.add(table.column(c)));
		change.after().keySet().forEach((c) -> columns.add(table.column(c)));
		return columns;
	}

}
