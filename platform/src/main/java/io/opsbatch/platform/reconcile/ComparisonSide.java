package io.opsbatch.platform.reconcile;

import java.util.Objects;

import javax.sql.DataSource;

/**
 * One side of a comparison: a relation of a JDBC store that yields the key and field columns by their derived-side
 * names.
 *
 * @param store the store's name, for messages
 * @param dataSource where the relation is read
 * @param relation SQL of the relation: a table name checked against the metadata, or a parenthesized query from a
 * reviewed definition
 */
public record ComparisonSide(String store, DataSource dataSource, String relation) {

	public ComparisonSide {
		Objects.requireNonNull(store, "store");
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(relation, "relation");
	}

	/** A side reading a query. */
	public static ComparisonSide query(String store, DataSource dataSource, String sql) {
		return new ComparisonSide(store, dataSource, "(" + sql + ")");
	}

}
