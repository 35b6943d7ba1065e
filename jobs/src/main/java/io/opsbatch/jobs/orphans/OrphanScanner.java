package io.opsbatch.jobs.orphans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.opsbatch.platform.change.jdbc.Column;
import io.opsbatch.platform.change.jdbc.JdbcValues;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the orphans of a rule and keeps their smallest keys. Pushdown is one anti-join query that returns the kept
 * keys with the total count ({@code COUNT(*) OVER ()}); streaming merges both sides and keeps the smallest keys in a
 * bounded heap. Both give the same count and the same keys.
 */
public class OrphanScanner {

	private final int fetchSize;

	public OrphanScanner(int fetchSize) {
		this.fetchSize = fetchSize;
	}

	/** Scan a rule. */
	public ScanResult scan(BoundRule bound, ScanStrategy requested) {
		ScanStrategy strategy = bound.strategy(requested);
		OrphanSql sql = new OrphanSql(bound);
		int keep = bound.rule().keysKept();
		return (strategy == ScanStrategy.PUSHDOWN) ? pushdown(bound, sql, keep) : streaming(bound, sql, keep);
	}

	private ScanResult pushdown(BoundRule bound, OrphanSql sql, int keep) {
		List<Column> key = bound.childKey();
		long[] count = { 0 };
		// at most `keep` rows come back: read them at once (a fetch-size cursor would stop PostgreSQL's parallel plan)
		List<Map<String, Object>> keys = new JdbcTemplate(bound.childStore().dataSource())
			.query(sql.pushdownScan(keep), (rs, rowNum) -> {
				count[0] = rs.getLong(key.size() + 1);
				List<Object> values = new ArrayList<>(key.size());
				for (int i = 1; i <= key.size(); i++) {
					values.add(JdbcValues.toJson(rs.getObject(i)));
				}
				return keyMap(key, values);
			});
		return new ScanResult(count[0], keys, ScanStrategy.PUSHDOWN, sql.listQuery());
	}

	private ScanResult streaming(BoundRule bound, OrphanSql sql, int keep) {
		try (OrphanCursor cursor = new MergeCursor(bound, sql, fetchSize)) {
			return collect(bound, cursor, keep, ScanStrategy.STREAMING, sql);
		}
	}

	/** Count the orphans and keep the smallest keys in a bounded heap. */
	private static ScanResult collect(BoundRule bound, OrphanCursor cursor, int keep, ScanStrategy strategy,
			OrphanSql sql) {
		PriorityQueue<List<Object>> smallest = new PriorityQueue<>(keep + 1, KeyOrder.INSTANCE.reversed());
		long count = 0;
		for (List<Object> key = cursor.next(); key != null; key = cursor.next()) {
			count++;
			if (smallest.size() < keep) {
				smallest.add(key);
			}
			else if (KeyOrder.INSTANCE.compare(key, smallest.peek()) < 0) {
				smallest.poll();
				smallest.add(key);
			}
		}
		List<List<Object>> sorted = new ArrayList<>(smallest);
		sorted.sort(KeyOrder.INSTANCE);
		List<Map<String, Object>> keys = sorted.stream().map((values) -> keyMap(bound.childKey(), values)).toList();
		return new ScanResult(count, keys, strategy, sql.listQuery());
	}

	static Map<String, Object> keyMap(List<Column> columns, List<Object> values) {
		Map<String, Object> key = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			key.put(columns.get(i).name(), values.get(i));
		}
		return key;
	}

}
