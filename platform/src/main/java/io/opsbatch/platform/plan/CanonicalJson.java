package io.opsbatch.platform.plan;

import java.util.LinkedHashMap;
import java.util.Map;

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

	private CanonicalJson() {
	}

	/** The canonical JSON text of a value. */
	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** A JSON object read back into a map, or null for JSON null / null text. */
	public static Map<String, Object> readMap(String json) {
		if (json == null || json.equals("null")) {
			return null;
		}
		return MAPPER.readValue(json, MAP);
	}

}
