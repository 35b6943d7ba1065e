package io.opsbatch.jobs.orphans;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.opsbatch.platform.change.jdbc.Column;

/**
 * The SQL of a bound rule. Table and column names come from checked metadata; the child filter is the reviewed rule
 * file's SQL. Rows are ordered by key; on PostgreSQL text keys are ordered {@code COLLATE "C"} (code point order),
 * the order the streaming merge compares in.
 */
final class OrphanSql {

	private final BoundRule bound;

	private final boolean childPostgres;

	private final boolean parentPostgres;

	OrphanSql(BoundRule bound) {
		this.bound = bound;
		this.childPostgres = isPostgres(bound.childStore().dataSource());
		this.parentPostgres = (bound.parentStore() == bound.childStore()) ? childPostgres
				: isPostgres(bound.parentStore().dataSource());
	}

	/** The anti-join: child rows with a foreign key and no parent row. */
	String antiJoin() {
		List<String> match = new ArrayList<>();
		List<Column> fk = bound.foreignKey();
		List<Column> pk = bound.parentKey();
		for (int i = 0; i < fk.size(); i++) {
			match.add("p." + pk.get(i).name() + " = c." + fk.get(i).name());
		}
		return " FROM " + bound.child().table() + " c WHERE " + notNull(fk) + filter()
				+ " AND NOT EXISTS (SELECT 1 FROM " + bound.parent().table() + " p WHERE " + String.join(" AND ", match)
				+ ")";
	}

	/**
	 * Pushdown scan: the smallest {@code keep} orphan keys, each row carrying the total count. {@code OFFSET 0 ROWS}
	 * fences the anti-join off from the outer ORDER BY, so the database plans it as the bare query (a parallel hash
	 * anti-join on PostgreSQL) instead of walking the child's key index with one parent probe per row.
	 */
	String pushdownScan(int keep) {
		return "SELECT " + columns("o", bound.childKey()) + ", o.opsbatch_orphans FROM (SELECT "
				+ columns("c", bound.childKey()) + ", COUNT(*) OVER () AS opsbatch_orphans" + antiJoin()
				+ " OFFSET 0 ROWS) o ORDER BY " + orderBy("o", bound.childKey(), childPostgres) + " FETCH FIRST " + keep
				+ " ROWS ONLY";
	}

	/** Every orphan key, in key order (cleanup, pushdown). */
	String orphanKeys() {
		return "SELECT " + columns("c", bound.childKey()) + antiJoin() + " ORDER BY "
				+ orderBy("c", bound.childKey(), childPostgres);
	}

	/** Streaming, child side: foreign key then key of every referring row, in foreign key order. */
	String childByForeignKey() {
		List<Column> all = new ArrayList<>(bound.foreignKey());
		all.addAll(bound.childKey());
		return "SELECT " + columns("c", all) + " FROM " + bound.child().table() + " c WHERE "
				+ notNull(bound.foreignKey()) + filter() + " ORDER BY " + orderBy("c", all, childPostgres);
	}

	/** Streaming, parent side: every parent key, in key order. */
	String parentKeys() {
		return "SELECT " + columns("p", bound.parentKey()) + " FROM " + bound.parent().table() + " p ORDER BY "
				+ orderBy("p", bound.parentKey(), parentPostgres);
	}

	/** A query an operator runs to list every orphan (same database), or how to list them (across stores). */
	String listQuery() {
		if (bound.sameDatabase()) {
			return "SELECT c.*" + antiJoin() + " ORDER BY " + columns("c", bound.childKey());
		}
		return "-- " + bound.child().table() + " (store " + bound.childStore().name() + ") and "
				+ bound.parent().table() + " (store " + bound.parentStore().name()
				+ ") are in different databases; list every orphan with: opsbatch orphans cleanup "
				+ bound.rule().id() + " (a dry-run: it only plans)";
	}

	private String filter() {
		String where = bound.rule().child().where();
		return (where == null) ? "" : " AND (" + where + ")";
	}

	private static String notNull(List<Column> columns) {
		return String.join(" AND ", columns.stream().map((c) -> "c." + c.name() + " IS NOT NULL").toList());
	}

	private static String columns(String alias, List<Column> columns) {
		return String.join(", ", columns.stream().map((c) -> alias + "." + c.name()).toList());
	}

	private static String orderBy(String alias, List<Column> columns, boolean postgres) {
		return String.join(", ", columns.stream()
			.map((c) -> alias + "." + c.name() + ((postgres && isText(c)) ? " COLLATE \"C\"" : ""))
			.toList());
	}

	private static boolean isText(Column column) {
		return switch (column.sqlType()) {
			case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR -> true;
			default -> column.typeName() != null && column.typeName().toLowerCase(Locale.ROOT).contains("text");
		};
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the database product: " + ex.getMessage(), ex);
		}
	}

}
