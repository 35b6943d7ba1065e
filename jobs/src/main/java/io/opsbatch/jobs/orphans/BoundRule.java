package io.opsbatch.jobs.orphans;

import java.util.List;

import io.opsbatch.platform.change.jdbc.Column;
import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import io.opsbatch.platform.change.jdbc.TableMetadata;

/**
 * A rule checked against its stores: the stores and the metadata of both tables, with column names as the database
 * knows them.
 *
 * @param rule the rule
 * @param childStore the child's store
 * @param child the child table
 * @param parentStore the parent's store
 * @param parent the parent table
 */
public record BoundRule(OrphanRule rule, JdbcTargetStore childStore, TableMetadata child,
		JdbcTargetStore parentStore, TableMetadata parent) {

	/** Whether one query can see both tables: the same store, or both in the platform database. */
	public boolean sameDatabase() {
		return childStore == parentStore || childStore.dataSource() == parentStore.dataSource()
				|| (childStore.sharesPlatformTransaction() && parentStore.sharesPlatformTransaction());
	}

	/**
	 * The strategy a scan uses.
	 * @param requested the strategy asked for at launch (AUTO: the rule's own)
	 */
	public ScanStrategy strategy(ScanStrategy requested) {
		ScanStrategy chosen = (requested == ScanStrategy.AUTO) ? rule.strategy() : requested;
		if (chosen == ScanStrategy.AUTO) {
			return sameDatabase() ? ScanStrategy.PUSHDOWN : ScanStrategy.STREAMING;
		}
		if (chosen == ScanStrategy.PUSHDOWN && !sameDatabase()) {
			throw new InvalidOrphanRuleException(rule.source() + ": rule " + rule.id() + " joins stores "
					+ childStore.name() + " and " + parentStore.name() + ", which are different databases: it can only "
					+ "be scanned with the streaming strategy");
		}
		return chosen;
	}

	/** The child's key columns. */
	public List<Column> childKey() {
		return rule.child().key().stream().map(child::column).toList();
	}

	/** The child's foreign key columns. */
	public List<Column> foreignKey() {
		return rule.child().foreignKey().stream().map(child::column).toList();
	}

	/** The parent's key columns. */
	public List<Column> parentKey() {
		return rule.parent().key().stream().map(parent::column).toList();
	}

}
