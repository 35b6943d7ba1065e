package io.opsbatch.platform.reconcile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What to compare: the source of truth and the derived side, matched by key columns, on a list of fields. Column
 * names are checked against the stores' metadata before a comparison is built; values are always bound.
 *
 * @param source the source of truth
 * @param derived the side that is corrected
 * @param key the key columns (unique and non-null on both sides)
 * @param fields the compared columns
 * @param tolerance for numeric fields: the largest absolute difference still counted as equal
 * @param resource when not null, compare only the record whose (single) key column equals this value
 */
public record Comparison(ComparisonSide source, ComparisonSide derived, List<String> key, List<String> fields,
		Map<String, BigDecimal> tolerance, Object resource) {

	public Comparison {
		key = List.copyOf(key);
		fields = List.copyOf(fields);
		tolerance = Map.copyOf(tolerance);
		if (key.isEmpty()) {
			throw new IllegalArgumentException("a comparison needs at least one key column");
		}
		if (resource != null && key.size() != 1) {
			throw new IllegalArgumentException("one resource can only be selected by a single key column");
		}
	}

	/** Whether both sides are read from the same database, so that one query can compare them. */
	public boolean sameDatabase() {
		return source.dataSource() == derived.dataSource();
	}

}
