package io.opsbatch.jobs.orphans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.RecordRef;
import io.opsbatch.platform.change.jdbc.Column;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns an orphan's key into its cleanup change: a delete that keeps the whole row as {@code before} (so rollback
 * re-inserts it), or setting the foreign key to null. A row that is gone by now needs no change. Each change requires
 * the parent to be still absent when it is executed: an orphan whose parent came back in the meantime is a conflict,
 * not a deleted row.
 */
class OrphanCleanupProcessor implements ItemProcessor<Map<String, Object>, Change> {

	private final BoundRule bound;

	OrphanCleanupProcessor(BoundRule bound) {
		this.bound = bound;
	}

	@Override
	public Change process(Map<String, Object> key) {
		String table = bound.child().table();
		String store = bound.childStore().name();
		List<String> foreignKey = bound.foreignKey().stream().map(Column::name).toList();
		if (bound.rule().cleanup() == OrphanRule.CleanupAction.DELETE) {
			List<String> all = bound.child().columns().stream().map(Column::name).toList();
			Map<String, Object> row = bound.childStore().read(table, key, all);
			return (row == null) ? null : new Change(store, table, key, row, null, List.of(parent(row, foreignKey)));
		}
		Map<String, Object> before = bound.childStore().read(table, key, foreignKey);
		if (before == null) {
			return null;
		}
		Map<String, Object> after = new LinkedHashMap<>();
		foreignKey.forEach((column) -> after.put(column, null));
		return new Change(store, table, key, before, after, List.of(parent(before, foreignKey)));
	}

	/** The parent the child's foreign key names, which must stay absent. */
	private RecordRef parent(Map<String, Object> row, List<String> foreignKey) {
		List<Column> parentKey = bound.parentKey();
		Map<String, Object> key = new LinkedHashMap<>();
		for (int i = 0; i < parentKey.size(); i++) {
			key.put(parentKey.get(i).name(), row.get(foreignKey.get(i)));
		}
		return new RecordRef(bound.parentStore().name(), bound.parent().table(), key);
	}

}
