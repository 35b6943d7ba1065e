package io.opsbatch.platform.change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record of a target store named by its key, e.g. the parent whose absence makes a child row an orphan.
 *
 * @param store the store
 * @param table the table
 * @param key the record's key, column to value
 */
public record RecordRef(String store, String table, Map<String, Object> key) {

	public RecordRef {
		Objects.requireNonNull(store, "store");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(key, "key");
	}

	/** The JSON-friendly form kept in plans: {@code {"key": {...}, "store": ..., "table": ...}}. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("key", key);
		map.put("store", store);
		map.put("table", table);
		return map;
	}

	/** The records of a list of {@link #toMap()} forms. */
	@SuppressWarnings("unchecked")
	public static List<RecordRef> fromMaps(List<Map<String, Object>> maps) {
		return maps.stream()
			.map((m) -> new RecordRef((String) m.get("store"), (String) m.get("table"), (Map<String, Object>) m.get("key")))
			.toList();
	}

}
