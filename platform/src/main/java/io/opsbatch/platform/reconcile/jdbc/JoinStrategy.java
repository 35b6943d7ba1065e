package io.opsbatch.platform.reconcile.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonCounts;
import io.opsbatch.platform.reconcile.ComparisonStrategy;
import io.opsbatch.platform.reconcile.Difference;
import io.opsbatch.platform.reconcile.DifferenceCursor;
import io.opsbatch.platform.reconcile.DifferenceKind;
import io.opsbatch.platform.reconcile.support.SortedMerge;
import io.opsbatch.platform.reconcile.support.Tally;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both sides in one database: one query, a full outer join of the source and the derived table restricted to the rows
 * that differ, does the comparison where the data is; only differences travel. Matching rows are counted as the
 * derived rows that are neither extra nor mismatched. On H2, which has no full outer join, the join is a left join
 * plus an anti-join. A join would pair every row of a duplicated key with every other and drop null keys, so each
 * side's keys are first checked to be unique and non-null (one GROUP BY per side, in the database); a side that
 * fails is refused as {@link StreamStrategy} refuses it.
 */
public class JoinStrategy implements ComparisonStrategy {

	/** The strategy's name. */
	public static final String NAME = "join";

	private final int fetchSize;

	public JoinStrategy(int fetchSize) {
		this.fetchSize = fetchSize;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public DifferenceCursor open(Comparison comparison) {
		if (!comparison.sameDatabase()) {
			throw new InvalidInputException("strategy join needs both sides in one database; " + comparison.source().store()
					+ " and " + comparison.derived().store() + " are different stores (use stream or bisect)");
		}
		SideSql source = new SideSql(comparison.source(), comparison);
		SideSql derived = new SideSql(comparison.derived(), comparison);
		source.requireUniqueKeys();
		derived.requireUniqueKeys();
		SideSql.Sql query = differences(comparison, source, derived);
		int keys = comparison.key().size();
		int fields = comparison.fields().size();
		JdbcCursor<Difference> cursor = new JdbcCursor<>(comparison.derived().dataSource(), comparison.derived().store(),
				query.text(), query.parameters(), fetchSize, (rs) -> difference(rs, comparison, keys, fields));
		return new DifferenceCursor() {

			private final Tally tally = new Tally();

			private ComparisonCounts counts;

			@Override
			public Difference next() {
				if (cursor.hasNext()) {
					Difference difference = cursor.next();
					tally.difference(difference.kind());
					return difference;
				}
				if (counts == null) {
					SideSql.Sql count = derived.count();
					Long rows = new JdbcTemplate(comparison.derived().dataSource()).queryForObject(count.text(),
							Long.class, count.parameters().toArray());
					ComparisonCounts differences = tally.counts();
					counts = new ComparisonCounts(rows - differences.extra() - differences.mismatched(),
							differences.mismatched(), differences.missing(), differences.extra());
				}
				return null;
			}

			@Override
			public ComparisonCounts counts() {
				return (counts != null) ? counts : tally.counts();
			}

			@Override
			public void close() {
				cursor.close();
			}

		};
	}

	/** The comparison query: kind, key, source fields, derived fields, for the rows that differ, in key order. */
	static SideSql.Sql differences(Comparison comparison, SideSql source, SideSql derived) {
		List<String> key = comparison.key();
		List<String> fields = comparison.fields();
		SideSql.Sql s = source.relation("s");
		SideSql.Sql d = derived.relation("d");
		String on = String.join(" AND ", key.stream().map((k) -> "s." + k + " = d." + k).toList());
		List<Object> toleranceParameters = new ArrayList<>();
		List<String> differs = new ArrayList<>();
		for (String field : fields) {
			BigDecimal tolerance = comparison.tolerance().get(field);
			if (tolerance == null) {
				differs.add("s." + field + " IS DISTINCT FROM d." + field);
			}
			else {
				differs.add("(s." + field + " IS NULL AND d." + field + " IS NOT NULL) OR (s." + field + " IS NOT NULL AND d."
						+ field + " IS NULL) OR ABS(s." + field + " - d." + field + ") > ?");
				toleranceParameters.add(tolerance);
			}
		}
		String anyDiffers = differs.isEmpty() ? "1 = 0" : "(" + String.join(") OR (", differs) + ")";
		StringBuilder sFields = new StringBuilder();
		StringBuilder dFields = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			sFields.append(", s.").append(fields.get(i)).append(" AS s_").append(i);
			dFields.append(", d.").append(fields.get(i)).append(" AS d_").append(i);
		}
		String k0 = key.get(0);
		List<Object> parameters = new ArrayList<>();
		String sql;
		if (source.dialect.fullOuterJoin()) {
			String keys = String.join(", ", key.stream().map((k) -> "COALESCE(s." + k + ", d." + k + ")").toList());
			List<String> order = new ArrayList<>();
			for (int i = 0; i < key.size(); i++) {
				order.add(derived.binaryOrder("COALESCE(s." + key.get(i) + ", d." + key.get(i) + ")", i));
			}
			sql = "SELECT CASE WHEN d." + k0 + " IS NULL THEN 'missing' WHEN s." + k0 + " IS NULL THEN 'extra' ELSE "
					+ "'mismatched' END, " + keys + sFields + dFields + " FROM " + s.text() + " FULL OUTER JOIN " + d.text()
					+ " ON " + on + " WHERE s." + k0 + " IS NULL OR d." + k0 + " IS NULL OR " + anyDiffers + " ORDER BY "
					+ String.join(", ", order);
			parameters.addAll(s.parameters());
			parameters.addAll(d.parameters());
			parameters.addAll(toleranceParameters);
		}
		else {
			List<String> sKeyList = new ArrayList<>();
			List<String> dKeyList = new ArrayList<>();
			for (int i = 0; i < key.size(); i++) {
				sKeyList.add("s." + key.get(i) + " AS k_" + i);
				dKeyList.add("d." + key.get(i) + " AS k_" + i);
			}
			String sKeys = String.join(", ", sKeyList);
			String dKeys = String.join(", ", dKeyList);
			StringBuilder nulls = new StringBuilder();
			for (int i = 0; i < fields.size(); i++) {
				nulls.append(", NULL AS s_").append(i);
			}
			sql = "SELECT * FROM (SELECT CASE WHEN d." + k0 + " IS NULL THEN 'missing' ELSE 'mismatched' END AS kind_, "
					+ sKeys + sFields + dFields + " FROM " + s.text() + " LEFT JOIN " + d.text() + " ON " + on + " WHERE d."
					+ k0 + " IS NULL OR " + anyDiffers + " UNION ALL SELECT 'extra', " + dKeys + nulls + dFields + " FROM "
					+ d.text() + " LEFT JOIN " + s.text() + " ON " + on + " WHERE s." + k0 + " IS NULL) x ORDER BY "
					+ String.join(", ", java.util.stream.IntStream.rangeClosed(2, key.size() + 1).mapToObj(String::valueOf)
						.toList());
			parameters.addAll(s.parameters());
			parameters.addAll(d.parameters());
			parameters.addAll(toleranceParameters);
			parameters.addAll(d.parameters());
			parameters.addAll(s.parameters());
		}
		return new SideSql.Sql(sql, parameters);
	}

	private static Difference difference(ResultSet rs, Comparison comparison, int keys, int fields)
			throws SQLException {
		DifferenceKind kind = DifferenceKind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT));
		Object[] key = new Object[keys];
		Object[] source = new Object[fields];
		Object[] derived = new Object[fields];
		for (int i = 0; i < keys; i++) {
			key[i] = io.opsbatch.platform.change.jdbc.JdbcValues.toJson(rs.getObject(2 + i));
		}
		for (int i = 0; i < fields; i++) {
			source[i] = io.opsbatch.platform.change.jdbc.JdbcValues.toJson(rs.getObject(2 + keys + i));
			derived[i] = io.opsbatch.platform.change.jdbc.JdbcValues.toJson(rs.getObject(2 + keys + fields + i));
		}
		return new Difference(kind, SortedMerge.map(comparison.key(), key),
				(kind == DifferenceKind.EXTRA) ? null : SortedMerge.map(comparison.fields(), source),
				(kind == DifferenceKind.MISSING) ? null : SortedMerge.map(comparison.fields(), derived));
	}

}
