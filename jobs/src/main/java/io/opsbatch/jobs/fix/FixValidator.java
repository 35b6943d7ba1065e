package io.opsbatch.jobs.fix;

import java.util.List;
import java.util.Map;

import io.opsbatch.jobs.support.DefinitionFile;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import io.opsbatch.platform.change.jdbc.JdbcValues;
import io.opsbatch.platform.change.jdbc.TableMetadata;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Checks a fix against its store before a dry-run starts: the table and every column it names exist, literal
 * after-values fit their columns, and the database accepts the selection with the resolved parameters bound.
 */
public final class FixValidator {

	private FixValidator() {
	}

	/**
	 * Check the fix and count the records its selection matches.
	 * @throws InvalidFixException naming the file, the line and the problem
	 */
	public static long validate(DataFix fix, JdbcTargetStore store, Map<String, Object> resolved) {
		FixDefinition definition = fix.definition();
		TableMetadata table;
		try {
			table = store.table(definition.table());
		}
		catch (InvalidInputException ex) {
			throw error(definition, null, "table", ex.getMessage());
		}
		check(definition, table, "key", definition.key());
		check(definition, table, "set", List.copyOf(definition.set().keySet()));
		check(definition, table, null, fix.readColumns());
		definition.set().forEach((column, value) -> {
			Object literal = DataFix.resolve(value, resolved);
			try {
				JdbcValues.normalize(literal, table.column(column));
			}
			catch (InvalidInputException ex) {
				throw error(definition, "set", column, "set." + column + ": " + ex.getMessage());
			}
		});
		try {
			Long count = new NamedParameterJdbcTemplate(store.dataSource()).queryForObject(
					"SELECT COUNT(*) FROM " + table.table() + " WHERE " + definition.where(),
					FixParameters.bindValues(definition, resolved), Long.class);
			return (count == null) ? 0 : count;
		}
		catch (DataAccessException ex) {
			String reason = ex.getMostSpecificCause().getMessage();
			int newline = reason.indexOf('\n');
			throw error(definition, null, "where", "the database refused the selection: "
					+ ((newline < 0) ? reason : reason.substring(0, newline)));
		}
	}

	private static void check(FixDefinition definition, TableMetadata table, String section, List<String> columns) {
		for (String column : columns) {
			try {
				table.column(column);
			}
			catch (InvalidInputException ex) {
				throw error(definition, section, (section == null) ? column : ("key".equals(section) ? "key" : column),
						ex.getMessage());
			}
		}
	}

	private static InvalidInputException error(FixDefinition definition, String section, String key, String message) {
		if (definition.source() == null) {
			return new InvalidFixException(definition.origin() + ": " + message);
		}
		return DefinitionFile.lines(definition.source(), InvalidFixException::new).error(message, section, key);
	}

}
