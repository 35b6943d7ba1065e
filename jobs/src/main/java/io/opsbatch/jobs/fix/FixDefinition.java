package io.opsbatch.jobs.fix;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A reviewed data fix: which records of which table it selects, and what it does to them.
 *
 * @param id the fix id (the file name without {@code .yml})
 * @param description what it fixes, for the plan and the approver
 * @param ticket the ticket that asked for it
 * @param store the target store
 * @param table the table
 * @param key the key columns, unique per record
 * @param kind update or delete
 * @param where the selection, SQL with named {@code :parameters}
 * @param parameters the declared parameters, by name
 * @param set for updates, the after-values by column; literals or {@code ${parameter}}
 * @param source the file it was read from, or null for a Java fix
 */
public record FixDefinition(String id, String description, String ticket, String store, String table,
		List<String> key, FixAction kind, String where, Map<String, FixParameter> parameters,
		Map<String, Object> set, Path source) {

	/** The action name in plans and audit records. */
	public String action() {
		return "fix." + id;
	}

	/** Where the definition comes from, for messages. */
	public String origin() {
		return (source == null) ? "Java fix " + id : source.toString();
	}

}
