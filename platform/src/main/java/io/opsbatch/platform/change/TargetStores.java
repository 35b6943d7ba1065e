package io.opsbatch.platform.change;

import java.util.Set;

/** The named target stores of this environment. */
public interface TargetStores {

	/**
	 * The store with this name.
	 * @throws UnknownStoreException when no store of that name is configured
	 */
	TargetStore get(String name);

	/** The names of all configured stores. */
	Set<String> names();

}
