package io.opsbatch.platform.reconcile.jdbc;

import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonStrategy;
import io.opsbatch.platform.reconcile.DifferenceCursor;
import io.opsbatch.platform.reconcile.support.Row;
import io.opsbatch.platform.reconcile.support.RowComparator;
import io.opsbatch.platform.reconcile.support.SortedMerge;

/**
 * Sides in different stores, streamed: both are read in key order through cursors fetching a page at a time and
 * merged, one row of each side in memory. Every row travels once; memory does not grow with the number of rows.
 */
public class StreamStrategy implements ComparisonStrategy {

	/** The strategy's name. */
	public static final String NAME = "stream";

	private final int fetchSize;

	public StreamStrategy(int fetchSize) {
		this.fetchSize = fetchSize;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public DifferenceCursor open(Comparison comparison) {
		SideSql source = new SideSql(comparison.source(), comparison);
		SideSql derived = new SideSql(comparison.derived(), comparison);
		SideSql.Sql sourceRows = source.rows(SideSql.Segment.ALL);
		SideSql.Sql derivedRows = derived.rows(SideSql.Segment.ALL);
		JdbcCursor<Row> s = new JdbcCursor<>(comparison.source().dataSource(), comparison.source().store(),
				sourceRows.text(), sourceRows.parameters(), fetchSize, source::row);
		JdbcCursor<Row> d;
		try {
			d = new JdbcCursor<>(comparison.derived().dataSource(), comparison.derived().store(), derivedRows.text(),
					derivedRows.parameters(), fetchSize, derived::row);
		}
		catch (RuntimeException ex) {
			s.close();
			throw ex;
		}
		return new SortedMerge(new Prefetch<>(s, fetchSize), new Prefetch<>(d, fetchSize), comparison.key(),
				comparison.fields(), new RowComparator(comparison.fields(), comparison.tolerance()),
				"source store " + comparison.source().store(), "derived store " + comparison.derived().store());
	}

}
