package io.opsbatch.platform.reconcile.jdbc;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL: {@code hashtextextended} of the encoded fields, {@code width_bucket} over an array of boundaries,
 * {@code COLLATE "C"}.
 */
record PostgresDialect(boolean binaryCollation) implements SqlDialect {

	private static final Set<String> BINARY = Set.of("c", "posix", "c.utf-8", "c.utf8");

	static boolean isBinary(String collation) {
		return BINARY.contains(collation.toLowerCase(java.util.Locale.ROOT));
	}

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public String binaryOrder(String expression, boolean text) {
		return (text && !binaryCollation) ? expression + " COLLATE \"C\"" : expression;
	}

	@Override
	public String rowHash(List<String> expressions) {
		return "hashtextextended(" + String.join(" || ", expressions.stream().map(PostgresDialect::encoded).toList())
				+ ", 0)";
	}

	/** The field as {@code N} or {@code V<length>:<text>}, so that no two rows give the same text. */
	private static String encoded(String expression) {
		String text = "(" + expression + ")::text";
		return "CASE WHEN " + text + " IS NULL THEN 'N' ELSE 'V' || length(" + text + ")::text || ':' || " + text
				+ " END";
	}

	@Override
	public String bucket(String expression, int boundaries) {
		return "width_bucket(" + expression + ", ARRAY[" + String.join(", ", Collections.nCopies(boundaries, "?"))
				+ "])";
	}

	@Override
	public boolean fullOuterJoin() {
		return true;
	}

}
