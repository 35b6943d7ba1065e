package io.opsbatch.platform.change;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change to one record of a target store, with the values it expects to find ({@code before}) and
 * the values it leaves ({@code after}). Values are JSON-friendly (strings, numbers, booleans, null):
 * no store-specific type leaks into plans, audit records or results.
 * <p>
 * {@code before == null} means the record must not exist (insert); {@code after == null} means the record
 * is removed (delete); otherwise only the columns named in {@code after} are updated, and {@code before}
 * holds their current values.
 * <p>
 * {@code absent} names records that must not exist for the change to apply, e.g. the parent of an orphan that a
 * cleanup removes: where one of them exists when execute comes, the change is a {@link Outcome#CONFLICT} and is not
 * written, even though the record itself still holds {@code before}.
 *
 * @param store the name of the target store
 * @param table the table (or DynamoDB table) inside the store
 * @param key the record's key, column to value
 * @param before the expected current values, or null for an insert
 * @param after the values after the change, or null for a delete
 * @param absent the records that must not exist for the change to apply (empty: none)
 */
public record Change(String store, String table, Map<String, Object> key, Map<String, Object> before,
		Map<String, Object> after, List<RecordRef> absent) {

	public Change {
		Objects.requireNonNull(store, "store");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(key, "key");
		if (before == null && after == null) {
			throw new IllegalArgumentException("a change needs a before or an after");
		}
		absent = (absent == null) ? List.of() : List.copyOf(absent);
	}

	/** A change with no records that must be absent. */
	public Change(String store, String table, Map<String, Object> key, Map<String, Object> before,
			Map<String, Object> after) {
		this(store, table, key, before, after, List.of());
	}

	public ChangeKind kind() {
		if (before == null) {
			return ChangeKind.INSERT;
		}
		return after == null ? ChangeKind.DELETE : ChangeKind.UPDATE;
	}

	/**
	 * The change that undoes this one: its after becomes the expected value, its before the result. It requires no
	 * record to be absent: undoing a cleanup restores the row whatever became of its parent.
	 */
	public Change inverse() {
		return new Change(store, table, key, after, before);
	}

}
