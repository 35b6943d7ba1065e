package io.opsbatch.jobs.orphans;

import java.util.List;

/**
 * The streaming strategy: child rows ordered by foreign key and parent keys ordered by key, read side by side; a
 * child row whose foreign key is not the current parent key after advancing past smaller ones is an orphan. Memory
 * holds one row of each side plus the fetch buffers, whatever the table sizes. Both inputs are checked to arrive in
 * order, so a database that orders differently fails the scan instead of producing a wrong answer.
 */
final class MergeCursor implements OrphanCursor {

	private final RowCursor children;

	private final RowCursor parents;

	private final int fkWidth;

	private final String rule;

	private List<Object> parent;

	private List<Object> previousParent;

	private List<Object> previousForeignKey;

	MergeCursor(BoundRule bound, OrphanSql sql, int fetchSize) {
		this.fkWidth = bound.foreignKey().size();
		this.rule = bound.rule().id();
		this.children = new RowCursor(bound.childStore().dataSource(), sql.childByForeignKey(),
				fkWidth + bound.childKey().size(), fetchSize);
		RowCursor opened;
		try {
			opened = new RowCursor(bound.parentStore().dataSource(), sql.parentKeys(), bound.parentKey().size(),
					fetchSize);
		}
		catch (RuntimeException ex) {
			children.close();
			throw ex;
		}
		this.parents = opened;
		this.parent = advanceParent();
	}

	@Override
	public List<Object> next() {
		for (List<Object> row = children.next(); row != null; row = children.next()) {
			List<Object> foreignKey = row.subList(0, fkWidth);
			if (previousForeignKey != null && KeyOrder.INSTANCE.compare(previousForeignKey, foreignKey) > 0) {
				throw outOfOrder("child", previousForeignKey, foreignKey);
			}
			previousForeignKey = foreignKey;
			while (parent != null && KeyOrder.INSTANCE.compare(parent, foreignKey) < 0) {
				parent = advanceParent();
			}
			if (parent == null || KeyOrder.INSTANCE.compare(parent, foreignKey) != 0) {
				return List.copyOf(row.subList(fkWidth, row.size()));
			}
		}
		return null;
	}

	private List<Object> advanceParent() {
		List<Object> next = parents.next();
		if (next != null && previousParent != null && KeyOrder.INSTANCE.compare(previousParent, next) > 0) {
			throw outOfOrder("parent", previousParent, next);
		}
		previousParent = next;
		return next;
	}

	private IllegalStateException outOfOrder(String side, List<Object> before, List<Object> after) {
		return new IllegalStateException("rule " + rule + ": the " + side + " keys arrived out of order (" + before
				+ " before " + after + "): the database orders these keys differently from the merge; "
				+ "scan this rule with the pushdown strategy");
	}

	@Override
	public void close() {
		try {
			children.close();
		}
		finally {
			parents.close();
		}
	}

}
