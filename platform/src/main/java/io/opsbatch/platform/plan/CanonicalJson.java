package io.opsbatch.platform.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.change.RecordRef;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of plan values: sorted keys, no whitespace, decimals in plain notation and read back as
 * {@link java.math.BigDecimal}, integers as {@link Long}. Plans, audit records and digests all use it, so a value
 * written by a dry-run reads back equal in execute.
 */
public final class CanonicalJson {

	/** The mapper behind the canonical form; safe to share. */
	public static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	/** A mapper for documents people read (results files, --json output): keys in insertion order. */
	public static final JsonMapper DOCUMENT_MAPPER = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
	};

	private CanonicalJson() {
	}

	/** The canonical JSON text of a value. */
	public static String write(Object value) {
		String flat = writeFlat(value);
		return (flat != null) ? flat : MAPPER.writeValueAsString(value);
	}

	/**
	 * The same text as the mapper for the values plans hold by the million (a plain string, or a flat map of plain
	 * strings and numbers), written without the mapper's per-value dispatch; null for anything else.
	 */
	static String writeFlat(Object value) {
		if (value instanceof String text) {
			return plain(text) ? "\"" + text + "\"" : null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			return null;
		}
		Object[] keys = map.keySet().toArray();
		for (Object key : keys) {
			if (!(key instanceof String name) || !plain(name)) {
				return null;
			}
		}
		java.util.Arrays.sort(keys);
		StringBuilder json = new StringBuilder(16 + 24 * keys.length).append('{');
		for (int i = 0; i < keys.length; i++) {
			Object item = map.get(keys[i]);
			json.append(i == 0 ? "\"" : ",\"").append(keys[i]).append("\":");
			if (item == null || item instanceof Boolean || item instanceof Long || item instanceof Integer) {
				json.append(item);
			}
			else if (item instanceof java.math.BigDecimal decimal) {
				json.append(decimal.toPlainString());
			}
			else if (item instanceof String text && plain(text)) {
				json.append('"').append(text).append('"');
			}
			else {
				return null;
			}
		}
		return json.append('}').toString();
	}

	/** Printable ASCII without quote or backslash: written as is by every JSON writer. */
	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	/** The stored form of a change's records that must be absent: canonical JSON, or null for none. */
	public static String writeAbsent(List<RecordRef> absent) {
		return absent.isEmpty() ? null : write(absent.stream().map(RecordRef::toMap).toList());
	}

	/** The records that must be absent, read back from {@link #writeAbsent}. */
	public static List<RecordRef> readAbsent(String json) {
		if (json == null || json.equals("null")) {
			return List.of();
		}
		return RecordRef.fromMaps(MAPPER.readValue(json, LIST));
	}

	/** A JSON object read back into a map, or null for JSON null / null text. */
	public static Map<String, Object> readMap(String json) {
		if (json == null || json.equals("null")) {
			return null;
		}
		return MAPPER.readValue(json, MAP);
	}

}
