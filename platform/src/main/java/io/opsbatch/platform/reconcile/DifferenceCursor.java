package io.opsbatch.platform.reconcile;

/**
 * The differences of one comparison, in key order, pulled one at a time so that memory stays bounded whatever the
 * number of records. Close it to release its connections.
 */
public interface DifferenceCursor extends AutoCloseable {

	/** The next difference, or null when the comparison is complete. */
	Difference next();

	/** The counts so far; final once {@link #next()} returned null. */
	ComparisonCounts counts();

	@Override
	void close();

}
