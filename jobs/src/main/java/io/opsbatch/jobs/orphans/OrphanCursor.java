package io.opsbatch.jobs.orphans;

import java.util.List;

/** Orphan child keys, one at a time, in the order of a strategy. */
interface OrphanCursor extends AutoCloseable {

	/** The next orphan's child key values (in the rule's key order), or null at the end. */
	List<Object> next();

	@Override
	void close();

	/** Every orphan of a bound rule: the anti-join query, or the streaming merge of both sides. */
	static OrphanCursor open(BoundRule bound, ScanStrategy strategy, int fetchSize) {
		OrphanSql sql = new OrphanSql(bound);
		if (strategy == ScanStrategy.PUSHDOWN) {
			return of(new RowCursor(bound.childStore().dataSource(), sql.orphanKeys(), bound.childKey().size(),
					fetchSize));
		}
		return new MergeCursor(bound, sql, fetchSize);
	}

	/** The rows of a query that selects orphan keys. */
	static OrphanCursor of(RowCursor rows) {
		return new OrphanCursor() {
			@Override
			public List<Object> next() {
				return rows.next();
			}

			@Override
			public void close() {
				rows.close();
			}
		};
	}

}
