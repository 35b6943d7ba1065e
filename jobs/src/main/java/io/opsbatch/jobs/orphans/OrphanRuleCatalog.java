package io.opsbatch.jobs.orphans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.opsbatch.platform.InvalidInputException;

/** The orphan rules of this installation: the files in the rules folder. */
public class OrphanRuleCatalog {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	private final Path directory;

	public OrphanRuleCatalog(Path directory) {
		this.directory = directory;
	}

	/**
	 * The rule with this id.
	 * @throws InvalidInputException when the id is malformed, unknown, or its file is invalid
	 */
	public OrphanRule get(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new InvalidInputException("orphan rule id '" + id + "' is malformed (lower case letters, digits and -)");
		}
		Path file = directory.resolve(id + ".yml");
		if (!Files.isRegularFile(file)) {
			throw new InvalidInputException("unknown orphan rule '" + id + "' (no " + file + "; known rules: "
					+ String.join(", ", ids()) + ")");
		}
		return OrphanRuleLoader.load(id, file);
	}

	/** The rules with these ids, or all rules when none is given. */
	public List<OrphanRule> select(Collection<String> ids) {
		Collection<String> selected = ids.isEmpty() ? ids() : new TreeSet<>(ids);
		List<OrphanRule> rules = new ArrayList<>();
		for (String id : selected) {
			rules.add(get(id));
		}
		if (rules.isEmpty()) {
			throw new InvalidInputException("no orphan rules in " + directory);
		}
		return rules;
	}

	/** The ids of all rules, sorted. */
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
				throw new InvalidInputException("cannot list orphan rules in " + directory + ": " + ex.getMessage(), ex);
			}
		}
		return ids;
	}

}
