package io.opsbatch.jobs.orphans;

import java.util.List;

import io.opsbatch.jobs.support.DefinitionFile;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.change.jdbc.Column;
import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.change.jdbc.TableMetadata;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks a rule against its stores before anything runs: the stores are configured, the tables and every column
 * exist, a nullify cleanup only nulls columns that accept NULL, and the database accepts the filter. Errors name the
 * file and the line.
 */
public final class OrphanRuleValidator {

	private OrphanRuleValidator() {
	}

	/**
	 * Bind a rule to its stores.
	 * @throws InvalidOrphanRuleException naming the file, the line and the problem
	 */
	public static BoundRule bind(OrphanRule rule, JdbcTargetStores stores) {
		DefinitionFile lines = lines(rule);
		JdbcTargetStore childStore = store(stores, rule.child().store(), "child", lines);
		JdbcTargetStore parentStore = store(stores, rule.parent().store(), "parent", lines);
		TableMetadata child = table(childStore, rule.child().table(), "child", lines);
		TableMetadata parent = table(parentStore, rule.parent().table(), "parent", lines);
		columns(child, rule.child().key(), "child", "key", lines);
		columns(child, rule.child().foreignKey(), "child", "foreign_key", lines);
		columns(parent, rule.parent().key(), "parent", "key", lines);
		if (rule.cleanup() == OrphanRule.CleanupAction.NULLIFY) {
			nullable(childStore, child, rule.child().foreignKey(), lines);
		}
		if (rule.child().where() != null) {
			try {
				new JdbcTemplate(childStore.dataSource()).queryForList(
						"SELECT 1 FROM " + child.table() + " c WHERE (" + rule.child().where() + ") AND 1 = 0");
			}
			catch (DataAccessException ex) {
				String reason = ex.getMostSpecificCause().getMessage();
				int newline = reason.indexOf('\n');
				throw lines.error("the database refused child.where: "
						+ ((newline < 0) ? reason : reason.substring(0, newline)), "child", "where");
			}
		}
		return new BoundRule(rule, childStore, child, parentStore, parent);
	}

	private static JdbcTargetStore store(JdbcTargetStores stores, String name, String section, DefinitionFile lines) {
		try {
			return stores.get(name);
		}
		catch (InvalidInputException ex) {
			throw lines.error(ex.getMessage(), section, "store");
		}
	}

	private static TableMetadata table(JdbcTargetStore store, String table, String section, DefinitionFile lines) {
		try {
			return store.table(table);
		}
		catch (InvalidInputException ex) {
			throw lines.error(ex.getMessage(), section, "table");
		}
	}

	private static void columns(TableMetadata table, List<String> columns, String section, String key,
			DefinitionFile lines) {
		for (String column : columns) {
			try {
				table.column(column);
			}
			catch (InvalidInputException ex) {
				throw lines.error(section + "." + key + ": " + ex.getMessage(), section, key);
			}
		}
	}

	/** A nullify cleanup would only fail at execute on a NOT NULL column: refuse it now. */
	private static void nullable(JdbcTargetStore store, TableMetadata table, List<String> foreignKey,
			DefinitionFile lines) {
		for (String name : foreignKey) {
			Column column = table.column(name);
			if (!column.nullable()) {
				throw lines.error("cleanup: nullify would set " + store.name() + "." + table.table() + "."
						+ column.name() + " to NULL, but that column is NOT NULL: use cleanup: delete, or make the "
						+ "column nullable first", null, "cleanup");
			}
		}
	}

	private static DefinitionFile lines(OrphanRule rule) {
		return DefinitionFile.lines(rule.source(), InvalidOrphanRuleException::new);
	}

}
