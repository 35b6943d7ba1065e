package io.opsbatch.jobs.reconcile;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.opsbatch.jobs.support.DefinitionFile;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code config/reconciliations/<name>.yml}. Syntax errors, unknown keys and wrong types are reported with the
 * file and line; so are missing keys and bad values, at the line of the key they concern. The database checks come
 * later, in {@link ReconciliationValidator}.
 */
public final class YamlReconciliationLoader {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private YamlReconciliationLoader() {
	}

	/** Load and check the shape of a reconciliation file. */
	public static ReconciliationDefinition load(String name, Path file) {
		DefinitionFile lines = DefinitionFile.read(file, InvalidReconciliationException::new);
		ReconciliationFile raw = lines.parse(YAML, ReconciliationFile.class, "description, ticket, source {store, "
				+ "query | table}, derived {store, table, key, fields}, correct {mismatched, missing, extra, "
				+ "insert-values}, tolerance");
		require(raw.description, lines, "description");
		if (raw.source == null) {
			throw lines.error("missing 'source' (store and query or table)");
		}
		if (raw.derived == null) {
			throw lines.error("missing 'derived' (store, table, key, fields)");
		}
		require(raw.source.store, lines, "source", "store");
		boolean query = raw.source.query != null && !raw.source.query.isBlank();
		boolean table = raw.source.table != null && !raw.source.table.isBlank();
		if (query == table) {
			throw lines.error("the source needs exactly one of 'query' and 'table'", "source");
		}
		if (query && raw.source.query.contains(";")) {
			throw lines.error("the source query must be one statement without ';'", "source", "query");
		}
		require(raw.derived.store, lines, "derived", "store");
		require(raw.derived.table, lines, "derived", "table");
		if (raw.derived.key == null || raw.derived.key.isEmpty()) {
			throw lines.error("'key' must list the key columns, e.g. key: [id]", "derived", "key");
		}
		if (raw.derived.fields == null || raw.derived.fields.isEmpty()) {
			throw lines.error("'fields' must list the compared columns, e.g. fields: [balance]", "derived", "fields");
		}
		if (raw.derived.fields.stream().anyMatch(raw.derived.key::contains)) {
			throw lines.error("a key column cannot also be a compared field", "derived", "fields");
		}
		CorrectFile correct = (raw.correct == null) ? new CorrectFile(null, null, null, null) : raw.correct;
		Correction mismatched = correction(correct.mismatched, Correction.UPDATE, List.of(Correction.UPDATE,
				Correction.REPORT), lines, "mismatched");
		Correction missing = correction(correct.missing, Correction.INSERT, List.of(Correction.INSERT,
				Correction.REPORT), lines, "missing");
		Correction extra = correction(correct.extra, Correction.REPORT, List.of(Correction.DELETE, Correction.REPORT),
				lines, "extra");
		Map<String, Object> insertValues = new LinkedHashMap<>();
		if (correct.insertValues != null) {
			correct.insertValues.forEach((column, value) -> {
				if (value instanceof Map || value instanceof List) {
					throw lines.error("insert-values." + column + " must be a literal", "correct", "insert-values", column);
				}
				insertValues.put(column, value);
			});
		}
		Map<String, BigDecimal> tolerance = new LinkedHashMap<>();
		if (raw.tolerance != null) {
			raw.tolerance.forEach((field, value) -> {
				BigDecimal amount;
				try {
					amount = new BigDecimal(String.valueOf(value));
				}
				catch (NumberFormatException ex) {
					throw lines.error("tolerance." + field + " must be a number, got '" + value + "'", "tolerance", field);
				}
				if (amount.signum() < 0) {
					throw lines.error("tolerance." + field + " cannot be negative", "tolerance", field);
				}
				if (!raw.derived.fields.contains(field)) {
					throw lines.error("tolerance." + field + " names no compared field (fields: " + raw.derived.fields + ")",
							"tolerance", field);
				}
				tolerance.put(field, amount);
			});
		}
		return new ReconciliationDefinition(name, raw.description.trim(), raw.ticket, raw.source.store,
				query ? raw.source.query.trim() : null, table ? raw.source.table.trim() : null, raw.derived.store,
				raw.derived.table, List.copyOf(raw.derived.key), List.copyOf(raw.derived.fields), mismatched, missing,
				extra, insertValues, tolerance, file);
	}

	private static Correction correction(String value, Correction fallback, List<Correction> allowed,
			DefinitionFile lines, String category) {
		if (value == null) {
			return fallback;
		}
		try {
			Correction correction = Correction.of(value);
			if (allowed.contains(correction)) {
				return correction;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw lines.error("correct." + category + " must be " + String.join(" or ",
				allowed.stream().map(Correction::label).toList()) + ", got '" + value + "'", "correct", category);
	}

	private static void require(String value, DefinitionFile lines, String... path) {
		if (value == null || value.isBlank()) {
			throw lines.error("missing '" + String.join(".", path) + "'", path);
		}
	}

	/** The file as written. */
	record ReconciliationFile(String description, String ticket, SourceFile source, DerivedFile derived,
			CorrectFile correct, Map<String, Object> tolerance) {
	}

	/** The source of truth as written. */
	record SourceFile(String store, String query, String table) {
	}

	/** The derived side as written. */
	record DerivedFile(String store, String table, List<String> key, List<String> fields) {
	}

	/** The correction policy as written. */
	record CorrectFile(String mismatched, String missing, String extra,
			@JsonProperty("insert-values") Map<String, Object> insertValues) {
	}

}
