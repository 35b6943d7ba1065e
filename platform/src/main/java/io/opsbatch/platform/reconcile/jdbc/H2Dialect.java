package io.opsbatch.platform.reconcile.jdbc;

import java.util.List;

/** H2: the first 8 bytes of SHA-256 of the encoded fields as the hash, a CASE chain for buckets, no full outer join. */
record H2Dialect() implements SqlDialect {

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public String binaryOrder(String expression, boolean text) {
		return expression;
	}

	@Override
	public String rowHash(List<String> expressions) {
		return "CAST(SUBSTRING(HASH('SHA-256', "
				+ String.join(" || ", expressions.stream().map(H2Dialect::encoded).toList()) + "), 1, 8) AS BIGINT)";
	}

	/** The field as {@code N} or {@code V<length>:<text>}, so that no two rows give the same text. */
	private static String encoded(String expression) {
		String text = "CAST(" + expression + " AS VARCHAR)";
		return "CASE WHEN " + text + " IS NULL THEN 'N' ELSE 'V' || CAST(LENGTH(" + text + ") AS VARCHAR) || ':' || "
				+ text + " END";
	}

	@Override
	public String bucket(String expression, int boundaries) {
		StringBuilder sql = new StringBuilder("CASE");
		for (int i = boundaries; i >= 1; i--) {
			sql.append(" WHEN ").append(expression).append(" >= ? THEN ").append(i);
		}
		return sql.append(" ELSE 0 END").toString();
	}

	@Override
	public List<Object> bucketParameters(List<Object> boundaries) {
		List<Object> reversed = new java.util.ArrayList<>(boundaries);
		java.util.Collections.reverse(reversed);
		return reversed;
	}

	@Override
	public boolean fullOuterJoin() {
		return false;
	}

}
