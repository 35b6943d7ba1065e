package io.opsbatch.jobs.reconcile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.jdbc.Column;
import io.opsbatch.platform.change.jdbc.JdbcValues;
import io.opsbatch.platform.reconcile.Difference;
import io.opsbatch.platform.reconcile.support.RowComparator;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a difference into the change its definition asks for: a mismatched record gets its differing fields set to
 * the source's values (every compared field is in {@code before}, so a record changed after the dry-run is a
 * conflict); a missing record is inserted with the source's values and the definition's insert values; an extra record
 * is deleted with its whole row as {@code before}, so that a rollback re-inserts it. Reported categories plan nothing.
 */
public class ReconcileChangeProcessor implements ItemProcessor<Difference, Change> {

	private final ReconciliationValidator.Checked checked;

	private final RowComparator comparator;

	public ReconcileChangeProcessor(ReconciliationValidator.Checked checked) {
		this.checked = checked;
		this.comparator = new RowComparator(checked.fields(), checked.comparison(null).tolerance());
	}

	@Override
	public Change process(Difference difference) {
		ReconciliationDefinition definition = checked.definition();
		String store = definition.derivedStore();
		String table = definition.derivedTable();
		Map<String, Object> key = normalize(difference.key());
		return switch (definition.correction(difference.kind())) {
			case REPORT -> null;
			case UPDATE -> {
				Map<String, Object> before = new LinkedHashMap<>(difference.derived());
				Map<String, Object> after = new LinkedHashMap<>(before);
				List<String> fields = checked.fields();
				for (int i = 0; i < fields.size(); i++) {
					String field = fields.get(i);
					Object source = difference.source().get(field);
					if (!comparator.fieldEqual(i, source, before.get(field))) {
						after.put(field, JdbcValues.normalize(source, column(field)));
					}
				}
				yield new Change(store, table, key, before, after);
			}
			case INSERT -> {
				Map<String, Object> after = new LinkedHashMap<>(key);
				after.putAll(normalize(difference.source()));
				definition.insertValues().forEach((column, value) -> after.put(column(column).name(),
						JdbcValues.normalize(value, column(column))));
				yield new Change(store, table, key, null, after);
			}
			case DELETE -> {
				List<String> all = checked.table().columns().stream().map(Column::name).toList();
				Map<String, Object> row = checked.derived().read(table, key, all);
				yield (row == null) ? null : new Change(store, table, key, row, null);
			}
		};
	}

	private Map<String, Object> normalize(Map<String, Object> values) {
		Map<String, Object> normalized = new LinkedHashMap<>();
		values.forEach((column, value) -> normalized.put(column.toLowerCase(Locale.ROOT),
				JdbcValues.normalize(value, column(column))));
		return normalized;
	}

	private Column column(String name) {
		return checked.table().column(name);
	}

}
