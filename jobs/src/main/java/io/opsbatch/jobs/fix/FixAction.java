package io.opsbatch.jobs.fix;

/**
 * What a fix does to each selected record. Inserts are not a fix action: a fix selects existing rows; inserts come
 * from reconciliation, master data deploys and the rollback of a delete.
 */
public enum FixAction {

	/** Set the columns of {@code set} to their after-values. */
	UPDATE,

	/** Remove the record; its full before-image is kept in the plan so a rollback can restore it. */
	DELETE

}
