package io.opsbatch.platform.reconcile.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.opsbatch.platform.reconcile.ComparisonFailedException;

/**
 * The few places where the comparison SQL differs between databases: sorting text keys in binary order, a 64-bit hash
 * of a row's text, assigning keys to buckets, and whether a full outer join exists.
 */
interface SqlDialect {

	/** The dialect's name; checksums are only comparable between sides of the same dialect. */
	String name();

	/** A key expression that sorts and compares in binary (code point) order. */
	String binaryOrder(String expression, boolean text);

	/**
	 * A BIGINT hash of the text of the given expressions. Each value is encoded unambiguously before hashing (null as
	 * {@code N}, a value as {@code V<length>:<text>}), so rows that differ in any field, a null or where a character
	 * falls between two fields hash the same only by a 64-bit collision.
	 */
	String rowHash(List<String> expressions);

	/**
	 * An expression giving the bucket of {@code expression} among {@code boundaries} ascending bound parameters: 0
	 * below the first, i from the i-th boundary on.
	 */
	String bucket(String expression, int boundaries);

	/** The bound parameters of {@link #bucket} for ascending boundaries. */
	default List<Object> bucketParameters(List<Object> boundaries) {
		return boundaries;
	}

	/** Whether {@code FULL OUTER JOIN} is supported. */
	boolean fullOuterJoin();

	/** The dialect of a data source's database. */
	static SqlDialect of(DataSource dataSource, String store) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery(
								"SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
					String collation = rs.next() ? rs.getString(1) : "";
					return new PostgresDialect(PostgresDialect.isBinary(collation));
				}
			}
			if (product.toLowerCase(Locale.ROOT).contains("h2")) {
				return new H2Dialect();
			}
			throw new ComparisonFailedException("store " + store + " is a " + product
					+ " database; reconciliation supports PostgreSQL and H2");
		}
		catch (SQLException ex) {
			throw new ComparisonFailedException("cannot connect to store " + store + ": " + ex.getMessage(), ex);
		}
	}

}
