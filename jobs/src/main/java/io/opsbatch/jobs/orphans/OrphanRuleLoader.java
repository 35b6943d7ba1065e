package io.opsbatch.jobs.orphans;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.opsbatch.jobs.support.DefinitionFile;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.findings.Thresholds;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code config/orphan-rules/<id>.yml}. Syntax errors, unknown keys and wrong types are reported with the file
 * and line; so are missing keys and bad values, at the line of the key they concern. The database checks come later,
 * in {@link OrphanRuleValidator}.
 */
public final class OrphanRuleLoader {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final int DEFAULT_SAMPLE_SIZE = 20;

	private OrphanRuleLoader() {
	}

	/** Load and check the shape of a rule file. */
	public static OrphanRule load(String id, Path file) {
		DefinitionFile lines = DefinitionFile.read(file, InvalidOrphanRuleException::new);
		RuleFile raw = lines.parse(YAML, RuleFile.class, "description, ticket, child {store, table, key, foreign_key, "
				+ "where}, parent {store, table, key}, thresholds {individual_if, issue_if}, sample_size, strategy, cleanup");
		if (raw.description == null || raw.description.isBlank()) {
			throw new InvalidOrphanRuleException(file + ": missing 'description'");
		}
		if (raw.child == null) {
			throw new InvalidOrphanRuleException(file + ": missing 'child' (store, table, key, foreign_key)");
		}
		if (raw.parent == null) {
			throw new InvalidOrphanRuleException(file + ": missing 'parent' (store, table, key)");
		}
		require(raw.child.table, "child", "table", lines);
		require(raw.parent.table, "parent", "table", lines);
		requireList(raw.child.key, "child", "key", lines);
		requireList(raw.child.foreignKey, "child", "foreign_key", lines);
		requireList(raw.parent.key, "parent", "key", lines);
		if (raw.child.foreignKey.size() != raw.parent.key.size()) {
			throw lines.error("child.foreign_key has " + raw.child.foreignKey.size()
					+ " columns but parent.key has " + raw.parent.key.size(), "child", "foreign_key");
		}
		Thresholds thresholds;
		try {
			thresholds = (raw.thresholds == null) ? Thresholds.DEFAULT
					: Thresholds.of(raw.thresholds.individualIf, raw.thresholds.issueIf);
		}
		catch (InvalidInputException ex) {
			throw lines.error(ex.getMessage(), "thresholds", null);
		}
		int sampleSize = (raw.sampleSize == null) ? DEFAULT_SAMPLE_SIZE : raw.sampleSize;
		if (sampleSize < 1 || sampleSize > OrphanRule.MAX_KEYS_KEPT) {
			throw lines.error("sample_size must be between 1 and " + OrphanRule.MAX_KEYS_KEPT, null, "sample_size");
		}
		ScanStrategy strategy;
		try {
			strategy = (raw.strategy == null) ? ScanStrategy.AUTO : ScanStrategy.of(raw.strategy);
		}
		catch (InvalidInputException ex) {
			throw lines.error(ex.getMessage(), null, "strategy");
		}
		OrphanRule.CleanupAction cleanup;
		try {
			cleanup = (raw.cleanup == null) ? OrphanRule.CleanupAction.DELETE
					: OrphanRule.CleanupAction.valueOf(raw.cleanup.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw lines.error("cleanup must be delete or nullify, got '" + raw.cleanup + "'", null, "cleanup");
		}
		String childStore = (raw.child.store == null) ? "app" : raw.child.store;
		String parentStore = (raw.parent.store == null) ? childStore : raw.parent.store;
		String where = (raw.child.where == null || raw.child.where.isBlank()) ? null : raw.child.where.trim();
		return new OrphanRule(id, raw.description.trim(), raw.ticket,
				new OrphanRule.Child(childStore, raw.child.table, List.copyOf(raw.child.key),
						List.copyOf(raw.child.foreignKey), where),
				new OrphanRule.Parent(parentStore, raw.parent.table, List.copyOf(raw.parent.key)), thresholds,
				sampleSize, strategy, cleanup, file);
	}

	private static void require(String value, String section, String key, DefinitionFile lines) {
		if (value == null || value.isBlank()) {
			throw lines.error("missing '" + section + "." + key + "'", section, key);
		}
	}

	private static void requireList(List<String> value, String section, String key, DefinitionFile lines) {
		if (value == null || value.isEmpty()) {
			throw lines.error("'" + section + "." + key + "' must list columns, e.g. " + key + ": [id]", section, key);
		}
	}

	/** The file as written. */
	record RuleFile(String description, String ticket, ChildFile child, ParentFile parent, ThresholdsFile thresholds,
			@JsonProperty("sample_size") Integer sampleSize, String strategy, String cleanup) {
	}

	/** The child as written. */
	record ChildFile(String store, String table, List<String> key, @JsonProperty("foreign_key") List<String> foreignKey,
			String where) {
	}

	/** The parent as written. */
	record ParentFile(String store, String table, List<String> key) {
	}

	/** Thresholds as written. */
	record ThresholdsFile(@JsonProperty("individual_if") String individualIf,
			@JsonProperty("issue_if") String issueIf) {
	}

}
