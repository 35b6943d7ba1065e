package io.opsbatch.platform.change;

import io.opsbatch.platform.InvalidInputException;

/** A definition or plan names a store that this environment does not configure. */
public class UnknownStoreException extends InvalidInputException {

	public UnknownStoreException(String store, Iterable<String> known) {
		super("unknown store '" + store + "' (configured stores: " + String.join(", ", known)
				+ "; set opsbatch.stores." + store + ".url)");
	}

}
