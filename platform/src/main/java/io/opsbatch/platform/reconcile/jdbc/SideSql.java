package io.opsbatch.platform.reconcile.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.opsbatch.platform.change.jdbc.JdbcValues;
import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonFailedException;
import io.opsbatch.platform.reconcile.ComparisonSide;
import io.opsbatch.platform.reconcile.support.Row;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL one side of a comparison is read with: rows in key order, counts, bucket checksums and key quantiles, each
 * restricted to the selected resource and to a key range. Column names were checked against the metadata by the
 * caller and are checked to be plain identifiers here; values are bound.
 */
final class SideSql {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** SQL text with its bound parameters. */
	record Sql(String text, List<Object> parameters) {
	}

	/** A key range of a single-column key: {@code lo <= key < hi}; a null bound is open. */
	record Segment(Object lo, Object hi) {

		static final Segment ALL = new Segment(null, null);

	}

	final ComparisonSide side;

	/** "source store x" or "derived store y", for messages. */
	final String label;

	final SqlDialect dialect;

	private final List<String> key;

	private final List<String> fields;

	private final Object resource;

	private final boolean[] textKey;

	private final boolean integerKey;

	SideSql(ComparisonSide side, Comparison comparison) {
		this.side = side;
		this.label = ((side == comparison.source()) ? "source" : "derived") + " store " + side.store();
		this.key = comparison.key();
		this.fields = comparison.fields();
		this.resource = comparison.resource();
		Stream.concat(key.stream(), fields.stream()).forEach((column) -> {
			if (!IDENTIFIER.matcher(column).matches()) {
				throw new IllegalArgumentException("column '" + column + "' is not a plain identifier");
			}
		});
		this.dialect = SqlDialect.of(side.dataSource(), side.store());
		this.textKey = new boolean[key.size()];
		boolean integer = key.size() == 1;
		try (Connection connection = side.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT " + columns(key) + " FROM " + side.relation()
						+ " t WHERE 1 = 0")) {
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = 0; i < key.size(); i++) {
				int type = meta.getColumnType(i + 1);
				textKey[i] = type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR
						|| type == Types.LONGVARCHAR || type == Types.NCHAR;
				integer &= type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT
						|| type == Types.TINYINT;
			}
		}
		catch (SQLException ex) {
			throw new ComparisonFailedException("cannot read the key of store " + side.store() + " ("
					+ firstLine(ex.getMessage()) + ")", ex);
		}
		this.integerKey = integer;
	}

	/** Whether the key is one integer column, so that key ranges can be split by arithmetic. */
	boolean integerKey() {
		return integerKey;
	}

	/** The key and field columns of alias {@code t}. */
	String columns() {
		return columns(Stream.concat(key.stream(), fields.stream()).toList());
	}

	/** The side as a subquery over its key and fields, restricted to the resource, with its parameters. */
	Sql relation(String alias) {
		List<Object> parameters = new ArrayList<>();
		String where = where(Segment.ALL, parameters);
		return new Sql("(SELECT " + columns() + " FROM " + side.relation() + " t" + where + ") " + alias, parameters);
	}

	/** Rows of a segment in key order. */
	Sql rows(Segment segment) {
		List<Object> parameters = new ArrayList<>();
		String where = where(segment, parameters);
		return new Sql("SELECT " + columns() + " FROM " + side.relation() + " t" + where + " ORDER BY " + order("t"),
				parameters);
	}

	/** The row count. */
	Sql count() {
		List<Object> parameters = new ArrayList<>();
		return new Sql("SELECT COUNT(*) FROM " + side.relation() + " t" + where(Segment.ALL, parameters), parameters);
	}

	/** MIN and MAX of a single-column key, the row count and the count of non-null keys. */
	Sql bounds() {
		List<Object> parameters = new ArrayList<>();
		String k = "t." + key.get(0);
		return new Sql("SELECT MIN(" + k + "), MAX(" + k + "), COUNT(*), COUNT(" + k + ") FROM " + side.relation()
				+ " t" + where(Segment.ALL, parameters), parameters);
	}

	/** The first key that is null or on several rows; no row when the keys are unique and non-null. */
	Sql keyCheck() {
		List<Object> parameters = new ArrayList<>();
		String keys = columns(key);
		String nulls = String.join(" OR ", key.stream().map((c) -> "t." + c + " IS NULL").toList());
		return new Sql("SELECT " + keys + " FROM " + side.relation() + " t" + where(Segment.ALL, parameters)
				+ " GROUP BY " + keys + " HAVING COUNT(*) > 1 OR " + nulls + " FETCH FIRST 1 ROWS ONLY", parameters);
	}

	/**
	 * Refuse a side whose keys are null or duplicated, as the merge of {@link StreamStrategy} does.
	 * @throws ComparisonFailedException naming the side and the first such key
	 */
	void requireUniqueKeys() {
		if (keyIsPrimaryKey()) {
			return;
		}
		List<Object[]> offending = query(keyCheck());
		if (offending.isEmpty()) {
			return;
		}
		Object[] first = offending.get(0);
		if (Arrays.asList(first).contains(null)) {
			throw ComparisonFailedException.nullKey(label, key);
		}
		throw ComparisonFailedException.duplicateKey(label, first);
	}

	/**
	 * Whether this side is a table whose primary key is exactly the comparison's key: the database then guarantees
	 * unique, non-null keys and the check's scan is not needed.
	 */
	boolean keyIsPrimaryKey() {
		String relation = side.relation();
		if (relation.startsWith("(")) {
			return false;
		}
		int dot = relation.indexOf('.');
		String table = relation.substring(dot + 1);
		Set<String> wanted = new HashSet<>(key.stream().map((c) -> c.toLowerCase(Locale.ROOT)).toList());
		try (Connection connection = side.dataSource().getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			String schema = (dot < 0) ? connection.getSchema() : folded(metadata, relation.substring(0, dot));
			for (String name : List.of(table, folded(metadata, table))) {
				Set<String> primaryKey = new HashSet<>();
				try (ResultSet rs = metadata.getPrimaryKeys(connection.getCatalog(), schema, name)) {
					while (rs.next()) {
						primaryKey.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
				if (!primaryKey.isEmpty()) {
					return primaryKey.equals(wanted);
				}
			}
			return false;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** An unquoted identifier in the case the database stores it. */
	private static String folded(DatabaseMetaData metadata, String identifier) throws SQLException {
		return metadata.storesUpperCaseIdentifiers() ? identifier.toUpperCase(Locale.ROOT)
				: identifier.toLowerCase(Locale.ROOT);
	}

	/** Run a query on this side; values JSON-friendly except decimals, which stay exact. */
	List<Object[]> query(Sql sql) {
		try {
			return new JdbcTemplate(side.dataSource()).query(sql.text(), (rs, n) -> {
				Object[] row = new Object[rs.getMetaData().getColumnCount()];
				for (int i = 0; i < row.length; i++) {
					Object value = rs.getObject(i + 1);
					row[i] = (value instanceof BigDecimal) ? value : JdbcValues.toJson(value);
				}
				return row;
			}, sql.parameters().toArray());
		}
		catch (DataAccessException ex) {
			throw new ComparisonFailedException("cannot read " + label + ": "
					+ firstLine(ex.getMostSpecificCause().getMessage()), ex);
		}
	}

	/** Per bucket: COUNT and SUM of row hashes, buckets by arithmetic {@code (key - lo) / width}. */
	Sql checksums(Segment segment, long lo, long width) {
		List<Object> parameters = new ArrayList<>(List.of(lo, width));
		return checksums("(t." + key.get(0) + " - ?) / ?", segment, parameters);
	}

	/** Per bucket: COUNT and SUM of row hashes, buckets between ascending boundary keys. */
	Sql checksums(Segment segment, List<Object> boundaries) {
		List<Object> parameters = new ArrayList<>(dialect.bucketParameters(boundaries));
		return checksums(dialect.bucket(keyExpression("t", 0), boundaries.size()), segment, parameters);
	}

	private Sql checksums(String bucket, Segment segment, List<Object> parameters) {
		List<String> all = Stream.concat(key.stream(), fields.stream()).map((c) -> "t." + c).toList();
		String where = where(segment, parameters);
		return new Sql("SELECT b, COUNT(*), SUM(h) FROM (SELECT " + bucket + " AS b, " + dialect.rowHash(all)
				+ " AS h FROM " + side.relation() + " t" + where + ") x GROUP BY b", parameters);
	}

	/** Every {@code step}-th key of a segment in key order: split points that give buckets of about step rows. */
	Sql quantiles(Segment segment, long step) {
		List<Object> parameters = new ArrayList<>();
		String where = where(segment, parameters);
		parameters.add(step);
		return new Sql("SELECT k FROM (SELECT t." + key.get(0) + " AS k, ROW_NUMBER() OVER (ORDER BY " + order("t")
				+ ") AS rn FROM " + side.relation() + " t" + where + ") x WHERE MOD(rn, ?) = 0 ORDER BY rn", parameters);
	}

	/** The key expression of alias {@code alias} for ordering and range predicates. */
	String keyExpression(String alias, int index) {
		return dialect.binaryOrder(alias + "." + key.get(index), textKey[index]);
	}

	/** An expression over key column {@code index} that sorts in binary order. */
	String binaryOrder(String expression, int index) {
		return dialect.binaryOrder(expression, textKey[index]);
	}

	/** The ORDER BY list of alias {@code alias}. */
	String order(String alias) {
		List<String> order = new ArrayList<>();
		for (int i = 0; i < key.size(); i++) {
			order.add(keyExpression(alias, i));
		}
		return String.join(", ", order);
	}

	/** Map a row selected with {@link #columns()}. */
	Row row(ResultSet rs) throws SQLException {
		Object[] keyValues = new Object[key.size()];
		Object[] fieldValues = new Object[fields.size()];
		for (int i = 0; i < keyValues.length; i++) {
			keyValues[i] = JdbcValues.toJson(rs.getObject(i + 1));
		}
		for (int i = 0; i < fieldValues.length; i++) {
			fieldValues[i] = JdbcValues.toJson(rs.getObject(key.size() + i + 1));
		}
		return new Row(keyValues, fieldValues);
	}

	private String where(Segment segment, List<Object> parameters) {
		List<String> predicates = new ArrayList<>();
		if (resource != null) {
			predicates.add("t." + key.get(0) + " = ?");
			parameters.add(resource);
		}
		if (segment.lo() != null) {
			predicates.add(keyExpression("t", 0) + " >= ?");
			parameters.add(segment.lo());
		}
		if (segment.hi() != null) {
			predicates.add(keyExpression("t", 0) + " < ?");
			parameters.add(segment.hi());
		}
		return predicates.isEmpty() ? "" : " WHERE " + String.join(" AND ", predicates);
	}

	private static String columns(List<String> columns) {
		return String.join(", ", columns.stream().map((c) -> "t." + c).toList());
	}

	static String firstLine(String message) {
		String text = String.valueOf(message);
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
