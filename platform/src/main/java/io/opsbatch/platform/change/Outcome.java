package io.opsbatch.platform.change;

import java.util.Arrays;

/** What happened to one change, as written in audit records and results. */
public enum Outcome {

	/** Dry-run: the change is in the plan, nothing was written. */
	PLANNED("planned"),

	/** Execute: the record held {@code before} and now holds {@code after}. */
	APPLIED("applied"),

	/** Execute: the record already held {@code after} (a replay after a crash, or a concurrent fix). */
	ALREADY_APPLIED("already-applied"),

	/** Execute: the record held neither {@code before} nor {@code after}; it was left untouched. */
	CONFLICT("conflict");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	/** The lower-case label used in JSON and the database. */
	public String label() {
		return label;
	}

	public static Outcome ofLabel(String label) {
		return Arrays.stream(values())
			.filter((outcome) -> outcome.label.equals(label))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown outcome: " + label));
	}

}
