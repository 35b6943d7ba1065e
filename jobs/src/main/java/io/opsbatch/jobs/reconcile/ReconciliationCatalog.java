package io.opsbatch.jobs.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.opsbatch.platform.InvalidInputException;

/** The reconciliations in {@code config/reconciliations}, by name. */
public class ReconciliationCatalog {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final Path directory;

	public ReconciliationCatalog(Path directory) {
		this.directory = directory;
	}

	/**
	 * The reconciliation with this name.
	 * @throws InvalidInputException when the name is malformed or no file has it
	 */
	public ReconciliationDefinition get(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new InvalidInputException("reconciliation name '" + name + "' is malformed (lower case letters, digits "
					+ "and -)");
		}
		Path file = directory.resolve(name + ".yml");
		if (!Files.isRegularFile(file)) {
			throw new InvalidInputException("unknown reconciliation '" + name + "' (no " + file + "; known: "
					+ String.join(", ", names()) + ")");
		}
		return YamlReconciliationLoader.load(name, file);
	}

	/** The names of all reconciliations. */
	public TreeSet<String> names() {
		TreeSet<String> names = new TreeSet<>();
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				files.map((p) -> p.getFileName().toString())
					.filter((n) -> n.endsWith(".yml"))
					.map((n) -> n.substring(0, n.length() - 4))
					.forEach(names::add);
			}
			catch (IOException ex) {
				throw new InvalidInputException("cannot list " + directory + ": " + ex.getMessage(), ex);
			}
		}
		return names;
	}

}
