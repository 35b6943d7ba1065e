package io.opsbatch.platform.change.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import io.opsbatch.platform.change.CasDecision;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.ChangeKind;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.change.RecordRef;
import io.opsbatch.platform.change.Selection;
import io.opsbatch.platform.change.TargetStore;

import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A relational database as a {@link TargetStore}. Every write is a conditional statement, sent in JDBC batches:
 * {@code UPDATE ... WHERE key AND col IS NOT DISTINCT FROM before}, {@code DELETE} likewise, and
 * {@code INSERT ... WHERE NOT EXISTS}; on PostgreSQL a batch of updates is one set-based statement
 * ({@link PostgresSetUpdate}). A change that touched no row is a decision point: the record is read and the change is
 * classified as already applied or a conflict.
 * <p>
 * When the store is the platform's own database, writes run in the caller's transaction, so a chunk's
 * changes and their audit records commit together.
 */
public class JdbcTargetStore implements TargetStore {

	private final String name;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final boolean platformDatabase;

	private final String description;

	private final Map<String, TableMetadata> tables = new ConcurrentHashMap<>();

	private volatile Boolean postgres;

	public JdbcTargetStore(String name, DataSource dataSource, boolean platformDatabase, String description) {
		this.name = name;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.platformDatabase = platformDatabase;
		this.description = description;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String describe() {
		return description;
	}

	@Override
	public boolean sharesPlatformTransaction() {
		return platformDatabase;
	}

	/** The data source, for readers that select candidates from this store. */
	public DataSource dataSource() {
		return dataSource;
	}

	/**
	 * The checked metadata of a table of this store.
	 * @throws io.opsbatch.platform.InvalidInputException when the table does not exist
	 */
	public TableMetadata table(String table) {
		return tables.computeIfAbsent(table.toLowerCase(Locale.ROOT),
				(t) -> TableMetadata.load(name, dataSource, table));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Records a change requires to be absent are checked in the same conditional statement ({@code AND NOT EXISTS}),
	 * so they must be in this store.
	 * @throws IllegalArgumentException when a change requires a record of another store to be absent
	 */
	@Override
	public List<Outcome> apply(List<Change> changes) {
		for (Change change : changes) {
			for (RecordRef ref : change.absent()) {
				if (!ref.store().equals(name)) {
					throw new IllegalArgumentException("store " + name + " cannot check the absence of a record of "
							+ "store " + ref.store() + " in its own statement: the caller checks it");
				}
			}
		}
		List<Outcome> outcomes = new ArrayList<>(changes.size());
		int start = 0;
		while (start < changes.size()) {
			int end = start + 1;
			while (end < changes.size() && sameShape(changes.get(start), changes.get(end))) {
				end++;
			}
			outcomes.addAll(applyBatch(changes.subList(start, end)));
			start = end;
		}
		return outcomes;
	}

	private List<Outcome> applyBatch(List<Change> batch) {
		Change first = batch.get(0);
		TableMetadata table = table(first.table());
		if (postgres() && batch.size() > 1 && first.absent().isEmpty() && PostgresSetUpdate.applicable(batch, table)) {
			Set<String> applied = PostgresSetUpdate.apply(jdbc, batch, table);
			List<Outcome> outcomes = new ArrayList<>(batch.size());
			for (Change change : batch) {
				outcomes.add(applied.contains(PostgresSetUpdate.keyText(change.key())) ? Outcome.APPLIED
						: decideUnapplied(change));
			}
			return outcomes;
		}
		CasStatement statement = CasStatement.of(first, table, this::table);
		int[][] counts = jdbc.batchUpdate(statement.sql(), batch, batch.size(),
				(PreparedStatement ps, Change change) -> statement.bind(ps, change));
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			int count = counts[0][i];
			if (count == 1 || count == java.sql.Statement.SUCCESS_NO_INFO) {
				outcomes.add(Outcome.APPLIED);
			}
			else if (count == 0) {
				outcomes.add(decideUnapplied(batch.get(i)));
			}
			else {
				throw new IllegalStateException("a compare-and-set on " + name + "." + first.table() + " touched "
						+ count + " rows for key " + batch.get(i).key() + ": the key columns are not unique");
			}
		}
		return outcomes;
	}

	private boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			known = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) -> "PostgreSQL"
				.equals(connection.getMetaData().getDatabaseProductName())));
			postgres = known;
		}
		return known;
	}

	private Outcome decideUnapplied(Change change) {
		List<String> columns = new ArrayList<>();
		if (change.before() != null) {
			columns.addAll(change.before().keySet());
		}
		if (change.after() != null) {
			change.after().keySet().stream().filter((c) -> !columns.contains(c)).forEach(columns::add);
		}
		Map<String, Object> current = read(change.table(), change.key(), columns);
		Outcome outcome = CasDecision.decide(change, current);
		// The conditional write found no row holding `before`, so a record that seems to hold it now
		// changed under us: never report it as applied.
		return (outcome == Outcome.APPLIED) ? Outcome.CONFLICT : outcome;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A {@link JdbcPagingItemReader} over the table: keyset pages ordered by the key, the filter a SQL condition whose
	 * {@code :name} placeholders are bound. Table and column names are checked against the database's metadata.
	 */
	@Override
	public ItemStreamReader<Map<String, Object>> candidates(Selection selection, int pageSize) {
		TableMetadata table = table(selection.table());
		List<String> columns = selection.columns().stream().map((c) -> table.column(c).name()).toList();
		Map<String, Order> sortKeys = new LinkedHashMap<>();
		selection.key().forEach((column) -> sortKeys.put(table.column(column).name(), Order.ASCENDING));
		JdbcPagingItemReaderBuilder<Map<String, Object>> reader = new JdbcPagingItemReaderBuilder<Map<String, Object>>()
			.name(selection.name())
			.dataSource(dataSource)
			.selectClause(String.join(", ", columns))
			.fromClause(table.table())
			.whereClause("(" + selection.filter() + ")")
			.sortKeys(sortKeys)
			.parameterValues(selection.parameters())
			.rowMapper((rs, rowNum) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 0; i < columns.size(); i++) {
					row.put(columns.get(i), JdbcValues.toJson(rs.getObject(i + 1)));
				}
				return row;
			})
			.pageSize(pageSize);
		try {
			return reader.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the selection of " + name + "." + table.table() + ": "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public Map<String, Object> read(String tableName, Map<String, Object> key, List<String> columns) {
		TableMetadata table = table(tableName);
		List<Column> selected = columns.stream().map(table::column).toList();
		List<Column> keyColumns = key.keySet().stream().map(table::column).toList();
		StringBuilder sql = new StringBuilder("SELECT ");
		sql.append(selected.isEmpty() ? "1" : String.join(", ", selected.stream().map(Column::name).toList()));
		sql.append(" FROM ").append(table.table()).append(" WHERE ");
		sql.append(String.join(" AND ", keyColumns.stream().map((c) -> c.name() + " = ?").toList()));
		List<Map<String, Object>> rows = jdbc.query(sql.toString(), (PreparedStatement ps) -> {
			int index = 1;
			for (Column column : keyColumns) {
				CasStatement.bindValue(ps, index++, key.get(column.name()), column);
			}
		}, (rs, rowNum) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 0; i < selected.size(); i++) {
				row.put(selected.get(i).name(), JdbcValues.toJson(rs.getObject(i + 1)));
			}
			return row;
		});
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static boolean sameShape(Change a, Change b) {
		return a.kind() == b.kind() && a.table().equals(b.table()) && a.key().keySet().equals(b.key().keySet())
				&& columns(a.before()).equals(columns(b.before())) && columns(a.after()).equals(columns(b.after()))
				&& absentShape(a).equals(absentShape(b));
	}

	private static List<String> absentShape(Change change) {
		return change.absent().stream().map((r) -> r.store() + "." + r.table() + r.key().keySet()).toList();
	}

	private static List<String> columns(Map<String, Object> values) {
		return (values == null) ? List.of() : List.copyOf(values.keySet());
	}

	/** One conditional statement for a shape of change, and how to bind a change to it. */
	record CasStatement(String sql, ChangeKind kind, List<Column> keys, List<Column> before, List<Column> after,
			List<List<Column>> absentKeys) {

		static CasStatement of(Change change, TableMetadata table,
				Function<String, TableMetadata> tables) {
			List<Column> keys = change.key().keySet().stream().map(table::column).toList();
			List<Column> before = (change.before() == null) ? List.of()
					: change.before().keySet().stream().map(table::column).toList();
			List<Column> after = (change.after() == null) ? List.of()
					: change.after().keySet().stream().map(table::column).toList();
			String keyMatch = String.join(" AND ", keys.stream().map((c) -> c.name() + " = ?").toList());
			String beforeMatch = before.stream()
				.map((c) -> " AND " + c.name() + " IS NOT DISTINCT FROM ?")
				.reduce("", String::concat);
			List<List<Column>> absentKeys = new ArrayList<>();
			StringBuilder absentMatch = new StringBuilder();
			for (RecordRef ref : change.absent()) {
				TableMetadata other = tables.apply(ref.table());
				List<Column> columns = ref.key().keySet().stream().map(other::column).toList();
				absentKeys.add(columns);
				absentMatch.append(" AND NOT EXISTS (SELECT 1 FROM ").append(other.table()).append(" WHERE ")
					.append(String.join(" AND ", columns.stream().map((c) -> c.name() + " = ?").toList()))
					.append(')');
			}
			String sql = switch (change.kind()) {
				case UPDATE -> "UPDATE " + table.table() + " SET "
						+ String.join(", ", after.stream().map((c) -> c.name() + " = ?").toList()) + " WHERE "
						+ keyMatch + beforeMatch + absentMatch;
				case DELETE -> "DELETE FROM " + table.table() + " WHERE " + keyMatch + beforeMatch + absentMatch;
				case INSERT -> "INSERT INTO " + table.table() + " ("
						+ String.join(", ", after.stream().map(Column::name).toList()) + ") SELECT "
						+ String.join(", ", after.stream().map((c) -> "?").toList()) + " WHERE NOT EXISTS (SELECT 1 FROM "
						+ table.table() + " WHERE " + keyMatch + ")" + absentMatch;
			};
			return new CasStatement(sql, change.kind(), keys, before, after, absentKeys);
		}

		void bind(PreparedStatement ps, Change change) throws SQLException {
			int index = 1;
			if (kind == ChangeKind.INSERT) {
				index = bindAll(ps, index, after, change.after());
				index = bindAll(ps, index, keys, change.key());
			}
			else {
				if (kind == ChangeKind.UPDATE) {
					index = bindAll(ps, index, after, change.after());
				}
				index = bindAll(ps, index, keys, change.key());
				index = bindAll(ps, index, before, change.before());
			}
			for (int i = 0; i < absentKeys.size(); i++) {
				index = bindAll(ps, index, absentKeys.get(i), change.absent().get(i).key());
			}
		}

		private static int bindAll(PreparedStatement ps, int index, List<Column> columns, Map<String, Object> values)
				throws SQLException {
			for (Column column : columns) {
				bindValue(ps, index++, values.get(column.name()), column);
			}
			return index;
		}

		static void bindValue(PreparedStatement ps, int index, Object value, Column column) throws SQLException {
			Object jdbcValue = JdbcValues.toJdbc(value, column);
			if (jdbcValue == null) {
				ps.setNull(index, column.sqlType());
			}
			else {
				ps.setObject(index, jdbcValue);
			}
		}

	}

}
