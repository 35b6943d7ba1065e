package io.opsbatch.platform.reconcile.support;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.reconcile.ComparisonCounts;
import io.opsbatch.platform.reconcile.ComparisonFailedException;
import io.opsbatch.platform.reconcile.Difference;
import io.opsbatch.platform.reconcile.DifferenceCursor;
import io.opsbatch.platform.reconcile.DifferenceKind;

/**
 * Merges two sides read in key order, holding one row of each at a time. Refuses (rather than mis-merges) a side whose
 * keys are null, duplicated or out of order, e.g. because its database sorts text with another collation.
 */
public class SortedMerge implements DifferenceCursor {

	private final Iterator<Row> source;

	private final Iterator<Row> derived;

	private final List<String> key;

	private final List<String> fields;

	private final RowComparator comparator;

	private final Tally tally = new Tally();

	private final String sourceName;

	private final String derivedName;

	private Row nextSource;

	private Row nextDerived;

	private Object[] lastSource;

	private Object[] lastDerived;

	public SortedMerge(Iterator<Row> source, Iterator<Row> derived, List<String> key, List<String> fields,
			RowComparator comparator, String sourceName, String derivedName) {
		this.source = source;
		this.derived = derived;
		this.key = key;
		this.fields = fields;
		this.comparator = comparator;
		this.sourceName = sourceName;
		this.derivedName = derivedName;
		this.nextSource = advanceSource();
		this.nextDerived = advanceDerived();
	}

	@Override
	public Difference next() {
		while (nextSource != null || nextDerived != null) {
			int order = (nextSource == null) ? 1 : (nextDerived == null) ? -1
					: RowComparator.compareKeys(nextSource.key(), nextDerived.key());
			if (order < 0) {
				Difference difference = difference(DifferenceKind.MISSING, nextSource, null);
				nextSource = advanceSource();
				return difference;
			}
			if (order > 0) {
				Difference difference = difference(DifferenceKind.EXTRA, null, nextDerived);
				nextDerived = advanceDerived();
				return difference;
			}
			Row s = nextSource;
			Row d = nextDerived;
			nextSource = advanceSource();
			nextDerived = advanceDerived();
			if (comparator.equal(s.fields(), d.fields())) {
				tally.matching(1);
			}
			else {
				return difference(DifferenceKind.MISMATCHED, s, d);
			}
		}
		return null;
	}

	@Override
	public ComparisonCounts counts() {
		return tally.counts();
	}

	@Override
	public void close() {
		closeQuietly(source);
		closeQuietly(derived);
	}

	private Row advanceSource() {
		Row row = source.hasNext() ? source.next() : null;
		lastSource = checkOrder(row, lastSource, sourceName);
		return row;
	}

	private Row advanceDerived() {
		Row row = derived.hasNext() ? derived.next() : null;
		lastDerived = checkOrder(row, lastDerived, derivedName);
		return row;
	}

	private Object[] checkOrder(Row row, Object[] last, String side) {
		if (row == null) {
			return last;
		}
		if (Arrays.asList(row.key()).contains(null)) {
			throw ComparisonFailedException.nullKey(side, key);
		}
		int order = (last == null) ? -1 : RowComparator.compareKeys(last, row.key());
		if (order == 0) {
			throw ComparisonFailedException.duplicateKey(side, row.key());
		}
		if (order > 0) {
			throw new ComparisonFailedException(side + " returned key " + Arrays.toString(row.key()) + " after "
					+ Arrays.toString(last) + ": the database must sort keys in binary order (for text keys use a "
					+ "\"C\" collation)");
		}
		return row.key();
	}

	private Difference difference(DifferenceKind kind, Row s, Row d) {
		tally.difference(kind);
		Row any = (s != null) ? s : d;
		return new Difference(kind, map(key, any.key()), (s == null) ? null : map(fields, s.fields()),
				(d == null) ? null : map(fields, d.fields()));
	}

	/** Column names to values, in order. */
	public static Map<String, Object> map(List<String> names, Object[] values) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			map.put(names.get(i), values[i]);
		}
		return map;
	}

	private static void closeQuietly(Iterator<Row> rows) {
		if (rows instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// the comparison's outcome is known; a failing close must not hide it
			}
		}
	}

}
