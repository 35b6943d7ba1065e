package io.opsbatch.platform.reconcile.support;

import io.opsbatch.platform.reconcile.ComparisonCounts;
import io.opsbatch.platform.reconcile.DifferenceKind;

/** Counts records per category while a comparison runs. */
public final class Tally {

	private long matching;

	private long mismatched;

	private long missing;

	private long extra;

	public void matching(long count) {
		matching += count;
	}

	public void difference(DifferenceKind kind) {
		switch (kind) {
			case MISMATCHED -> mismatched++;
			case MISSING -> missing++;
			case EXTRA -> extra++;
		}
	}

	public ComparisonCounts counts() {
		return new ComparisonCounts(matching, mismatched, missing, extra);
	}

}
