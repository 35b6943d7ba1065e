package io.opsbatch.jobs.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.opsbatch.platform.InvalidInputException;

/** The fixes this installation knows: the files in the fixes folder and the {@link DataFix} beans. */
public class FixCatalog {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	private final Path directory;

	private final Map<String, DataFix> javaFixes;

	public FixCatalog(Path directory, List<DataFix> javaFixes) {
		this.directory = directory;
		this.javaFixes = javaFixes.stream().collect(Collectors.toMap((f) -> f.definition().id(), Function.identity()));
	}

	/**
	 * The fix with this id.
	 * @throws InvalidInputException when the id is malformed or no fix has it
	 */
	public DataFix get(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new InvalidInputException("fix id '" + id + "' is malformed (lower case letters, digits and -)");
		}
		DataFix javaFix = javaFixes.get(id);
		if (javaFix != null) {
			return javaFix;
		}
		Path file = directory.resolve(id + ".yml");
		if (!Files.isRegularFile(file)) {
			throw new InvalidInputException("unknown fix '" + id + "' (no " + file + "; known fixes: "
					+ String.join(", ", ids()) + ")");
		}
		FixDefinition definition = YamlFixLoader.load(id, file);
		return () -> definition;
	}

	/** The ids of all known fixes. */
	public TreeSet<String> ids() {
		TreeSet<String> ids = new TreeSet<>(javaFixes.keySet());
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				files.map((p) -> p.getFileName().toString())
					.filter((name) -> name.endsWith(".yml"))
					.map((name) -> name.substring(0, name.length() - 4))
					.forEach(ids::add);
			}
			catch (IOException ex) {
				throw new InvalidInputException("cannot list fixes in " + directory + ": " + ex.getMessage(), ex);
			}
		}
		return ids;
	}

}
