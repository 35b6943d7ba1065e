package io.opsbatch.platform.launch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.opsbatch.platform.InvalidInputException;

/** The operations of this installation, by name. */
public class Operations {

	private final Map<String, Operation> operations = new TreeMap<>();

	public Operations(List<Operation> operations) {
		operations.forEach((operation) -> this.operations.put(operation.name(), operation));
	}

	/**
	 * The operation with this name.
	 * @throws InvalidInputException when there is none
	 */
	public Operation get(String name) {
		Operation operation = operations.get(name);
		if (operation == null) {
			throw new InvalidInputException("unknown operation '" + name + "' (known: " + String.join(", ", names()) + ")");
		}
		return operation;
	}

	/** All operation names. */
	public Set<String> names() {
		return operations.keySet();
	}

}
