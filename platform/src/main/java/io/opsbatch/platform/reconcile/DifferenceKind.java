package io.opsbatch.platform.reconcile;

/** How a record of the derived side differs from the source of truth. */
public enum DifferenceKind {

	/** The record is on both sides, with different values in at least one compared field. */
	MISMATCHED,

	/** The record is in the source but not on the derived side. */
	MISSING,

	/** The record is on the derived side but not in the source. */
	EXTRA;

	/** The lower-case name used in output and history. */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
