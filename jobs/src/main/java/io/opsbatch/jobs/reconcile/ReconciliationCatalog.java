package io.opsbatch.jobs.reconcile;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import io.opsbatch.jobs.support.DefinitionDirectory;
import io.opsbatch.platform.InvalidInputException;

/** The reconciliations in {@code config/reconciliations}, by name. */
public class ReconciliationCatalog {

	private final DefinitionDirectory files;

	public ReconciliationCatalog(Path directory) {
		this.files = new DefinitionDirectory(directory, "reconciliation");
	}

	/**
	 * The reconciliation with this name.
	 * @throws InvalidInputException when the name is malformed or no file has it
	 */
	public ReconciliationDefinition get(String name) {
		return YamlReconciliationLoader.load(name, files.file(name, Set.of()));
	}

	/** The names of all reconciliations. */
	public TreeSet<String> names() {
		return files.ids();
	}

}
