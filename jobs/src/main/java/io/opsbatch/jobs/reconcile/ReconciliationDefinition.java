package io.opsbatch.jobs.reconcile;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A reviewed reconciliation, {@code config/reconciliations/<name>.yml}: a source of truth, a derived table, how each
 * category of difference is corrected and the tolerated difference per numeric field.
 *
 * @param name the file name without {@code .yml}
 * @param description what is reconciled
 * @param ticket the change ticket, if any
 * @param sourceStore the store of the source of truth
 * @param sourceQuery a query giving the key and field columns by their derived names, or null
 * @param sourceTable a table with the key and field columns, or null
 * @param derivedStore the store that is corrected
 * @param derivedTable the corrected table
 * @param key its key columns
 * @param fields the compared columns
 * @param onMismatched update or report
 * @param onMissing insert or report
 * @param onExtra delete or report
 * @param insertValues literal values of other columns for inserted rows
 * @param tolerance the largest tolerated absolute difference per numeric field
 * @param file the definition file
 */
public record ReconciliationDefinition(String name, String description, String ticket, String sourceStore,
		String sourceQuery, String sourceTable, String derivedStore, String derivedTable, List<String> key,
		List<String> fields, Correction onMismatched, Correction onMissing, Correction onExtra,
		Map<String, Object> insertValues, Map<String, BigDecimal> tolerance, Path file) {

	/** The plan action of this reconciliation. */
	public String action() {
		return "reconcile." + name;
	}

	/** Whether both sides are in one store. */
	public boolean sameStore() {
		return sourceStore.equals(derivedStore);
	}

	/** How a category is corrected. */
	public Correction correction(io.opsbatch.platform.reconcile.DifferenceKind kind) {
		return switch (kind) {
			case MISMATCHED -> onMismatched;
			case MISSING -> onMissing;
			case EXTRA -> onExtra;
		};
	}

}
