package io.opsbatch.jobs.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.opsbatch.platform.InvalidInputException;

/**
 * A folder of reviewed definition files, {@code <id>.yml}: fixes, orphan rules, reconciliations. Ids are checked
 * before they become paths, so an id can never point outside the folder.
 *
 * @param directory the folder
 * @param kind what the files define, for messages (e.g. {@code fix}, {@code orphan rule})
 */
public record DefinitionDirectory(Path directory, String kind) {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	/**
	 * The file of a definition.
	 * @param others ids known elsewhere (e.g. Java fixes), listed in the unknown-id message
	 * @throws InvalidInputException when the id is malformed or has no file
	 */
	public Path file(String id, Set<String> others) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new InvalidInputException(kind + " id '" + id + "' is malformed (lower case letters, digits and -)");
		}
		Path file = directory.resolve(id + ".yml");
		if (!Files.isRegularFile(file)) {
			TreeSet<String> known = ids();
			known.addAll(others);
			throw new InvalidInputException("unknown " + kind + " '" + id + "' (no " + file + "; known: "
					+ String.join(", ", known) + ")");
		}
		return file;
	}

	/** The ids of all files in the folder, sorted. */
	public TreeSet<String> ids() {
		TreeSet<String> ids = new TreeSet<>();
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				files.map((p) -> p.getFileName().toString())
					.filter((name) -> name.endsWith(".yml"))
					.map((name) -> name.substring(0, name.length() - 4))
					.forEach(ids::add);
			}
			catch (IOException ex) {
				throw new InvalidInputException("cannot list " + directory + ": " + ex.getMessage(), ex);
			}
		}
		return ids;
	}

}
