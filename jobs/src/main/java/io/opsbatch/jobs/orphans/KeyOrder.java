package io.opsbatch.jobs.orphans;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Orders key values the way the databases are asked to order them: numbers by value, text by code point, other
 * values by their JSON text. Nulls never occur (rows without a foreign key are not read).
 */
final class KeyOrder implements Comparator<List<Object>> {

	static final KeyOrder INSTANCE = new KeyOrder();

	@Override
	public int compare(List<Object> a, List<Object> b) {
		for (int i = 0; i < a.size(); i++) {
			int c = compareValues(a.get(i), b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	static int compareValues(Object a, Object b) {
		if (a instanceof Number x && b instanceof Number y) {
			return decimal(x).compareTo(decimal(y));
		}
		return String.valueOf(a).compareTo(String.valueOf(b));
	}

	private static BigDecimal decimal(Number n) {
		return (n instanceof BigDecimal d) ? d : (n instanceof Long || n instanceof Integer) ? BigDecimal.valueOf(n.longValue())
				: new BigDecimal(n.toString());
	}

}
