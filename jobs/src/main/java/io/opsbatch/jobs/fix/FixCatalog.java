package io.opsbatch.jobs.fix;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.opsbatch.jobs.support.DefinitionDirectory;

/** The fixes this installation knows: the files in the fixes folder and the {@link DataFix} beans. */
public class FixCatalog {

	private final DefinitionDirectory files;

	private final Map<String, DataFix> javaFixes;

	public FixCatalog(Path directory, List<DataFix> javaFixes) {
		this.files = new DefinitionDirectory(directory, "fix");
		this.javaFixes = javaFixes.stream().collect(Collectors.toMap((f) -> f.definition().id(), Function.identity()));
	}

	/**
	 * The fix with this id.
	 * @throws io.opsbatch.platform.InvalidInputException when the id is malformed or no fix has it
	 */
	public DataFix get(String id) {
		DataFix javaFix = (id == null) ? null : javaFixes.get(id);
		if (javaFix != null) {
			return javaFix;
		}
		FixDefinition definition = YamlFixLoader.load(id, files.file(id, javaFixes.keySet()));
		return () -> definition;
	}

	/** The ids of all known fixes. */
	public TreeSet<String> ids() {
		TreeSet<String> ids = files.ids();
		ids.addAll(javaFixes.keySet());
		return ids;
	}

}
