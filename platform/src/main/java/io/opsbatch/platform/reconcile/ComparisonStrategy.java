package io.opsbatch.platform.reconcile;

/**
 * A way of comparing two sides. Every strategy finds exactly the same differences, in key order, with the same
 * counts; they differ only in where the work is done and how much data moves.
 */
public interface ComparisonStrategy {

	/** The strategy's name as shown to operators and accepted by {@code --strategy}. */
	String name();

	/**
	 * Start comparing.
	 * @throws io.opsbatch.platform.InvalidInputException when the strategy cannot compare these sides
	 */
	DifferenceCursor open(Comparison comparison);

}
