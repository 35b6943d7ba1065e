package io.opsbatch.platform.change;

import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A store that changes are applied to: a JDBC database today, a DynamoDB table through the same contract
 * later. Implementations apply every change with compare-and-set on its {@code before} and never write a
 * record whose current value matches neither {@code before} nor {@code after}.
 */
public interface TargetStore {

	/** The store's name as used in fix definitions and plans. */
	String name();

	/** A description safe to print: the kind of store and where it is, never a password. */
	String describe();

	/**
	 * Apply the changes, each with compare-and-set, and report one outcome per change in the same order.
	 * Changes that find {@code after} already in place are {@link Outcome#ALREADY_APPLIED}; changes that find
	 * anything else, or find a record of {@link Change#absent()} present, are {@link Outcome#CONFLICT} and are not
	 * written. Absent records of this store are checked in the same conditional write; those of other stores are the
	 * caller's to check.
	 */
	List<Outcome> apply(List<Change> changes);

	/**
	 * A reader of the records a selection picks, in key order, a page at a time and restartable: each record as the
	 * selected columns' JSON-friendly values (no store type leaks into the plan built from them).
	 * @param selection what to read
	 * @param pageSize records per page
	 */
	ItemStreamReader<Map<String, Object>> candidates(Selection selection, int pageSize);

	/**
	 * Read the current values of a record.
	 * @return the values of the named columns, or null when the record does not exist
	 */
	Map<String, Object> read(String table, Map<String, Object> key, List<String> columns);

	/**
	 * Whether this store's writes join the transaction of the platform's database, so that a change and its
	 * audit record commit together.
	 */
	boolean sharesPlatformTransaction();

}
