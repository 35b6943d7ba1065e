package io.opsbatch.jobs.orphans;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.opsbatch.jobs.support.DefinitionDirectory;
import io.opsbatch.platform.InvalidInputException;

/** The orphan rules of this installation: the files in the rules folder. */
public class OrphanRuleCatalog {

	private final DefinitionDirectory files;

	public OrphanRuleCatalog(Path directory) {
		this.files = new DefinitionDirectory(directory, "orphan rule");
	}

	/**
	 * The rule with this id.
	 * @throws InvalidInputException when the id is malformed, unknown, or its file is invalid
	 */
	public OrphanRule get(String id) {
		return OrphanRuleLoader.load(id, files.file(id, Set.of()));
	}

	/** The rules with these ids, or all rules when none is given. */
	public List<OrphanRule> select(Collection<String> ids) {
		Collection<String> selected = ids.isEmpty() ? ids() : new TreeSet<>(ids);
		List<OrphanRule> rules = new ArrayList<>();
		for (String id : selected) {
			rules.add(get(id));
		}
		if (rules.isEmpty()) {
			throw new InvalidInputException("no orphan rules in " + files.directory());
		}
		return rules;
	}

	/** The ids of all rules, sorted. */
	public TreeSet<String> ids() {
		return files.ids();
	}

}
