package io.opsbatch.platform.change.jdbc;

/**
 * A column as the database describes it.
 *
 * @param name the column name in lower case, as plans and definitions use it
 * @param sqlType the {@link java.sql.Types} code
 * @param typeName the database's own type name
 * @param scale the decimal scale for numeric columns
 * @param nullable whether the column accepts NULL (true when the database does not say)
 */
public record Column(String name, int sqlType, String typeName, int scale, boolean nullable) {
}
