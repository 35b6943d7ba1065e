package io.opsbatch.jobs.orphans;

import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The keys of a rule's orphans for a cleanup plan, streamed with the rule's strategy. On restart it skips the keys
 * already planned (the item count is saved with each chunk).
 */
class OrphanCleanupReader extends AbstractItemCountingItemStreamItemReader<Map<String, Object>> {

	private final BoundRule bound;

	private final ScanStrategy strategy;

	private final int fetchSize;

	private OrphanCursor cursor;

	OrphanCleanupReader(BoundRule bound, ScanStrategy strategy, int fetchSize) {
		this.bound = bound;
		this.strategy = strategy;
		this.fetchSize = fetchSize;
		setName("orphanCleanupReader");
	}

	@Override
	protected void doOpen() {
		cursor = OrphanCursor.open(bound, strategy, fetchSize);
	}

	@Override
	protected Map<String, Object> doRead() {
		List<Object> key = cursor.next();
		return (key == null) ? null : OrphanScanner.keyMap(bound.childKey(), key);
	}

	@Override
	protected void doClose() {
		if (cursor != null) {
			cursor.close();
			cursor = null;
		}
	}

}
