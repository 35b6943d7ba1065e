package io.opsbatch.platform.change;

/** What a {@link Change} does to its record. */
public enum ChangeKind {

	INSERT, UPDATE, DELETE

}
