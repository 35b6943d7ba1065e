package io.opsbatch.jobs.orphans;

import java.util.Locale;

import io.opsbatch.platform.InvalidInputException;

/** How an orphan rule is scanned. */
public enum ScanStrategy {

	/** Pushdown when child and parent share a database, else streaming. */
	AUTO,

	/** One anti-join query in the database ({@code NOT EXISTS}): the fastest, needs one database. */
	PUSHDOWN,

	/** Both sides read in key order and merged here, with memory bounded by the fetch size: works across stores. */
	STREAMING;

	/** Parse a name (any case). */
	public static ScanStrategy of(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("strategy '" + name + "' must be auto, pushdown or streaming");
		}
	}

	/** The lower-case name. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
