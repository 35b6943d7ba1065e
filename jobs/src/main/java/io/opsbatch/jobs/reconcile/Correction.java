package io.opsbatch.jobs.reconcile;

import java.util.Locale;

/** What a reconciliation plans for a category of difference. */
public enum Correction {

	/** Set the derived fields to the source's values (mismatched records). */
	UPDATE,

	/** Insert the record on the derived side (missing records). */
	INSERT,

	/** Delete the derived record (extra records); its whole row is kept as before, so rollback re-inserts it. */
	DELETE,

	/** Count and show the difference, plan nothing. */
	REPORT;

	static Correction of(String text) {
		return valueOf(text.trim().toUpperCase(Locale.ROOT));
	}

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
