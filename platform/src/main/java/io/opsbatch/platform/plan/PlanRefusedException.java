package io.opsbatch.platform.plan;

import io.opsbatch.platform.RefusedException;

/**
 * A plan may not be approved or executed in its current state: not approved, rejected, expired, already
 * executed, made in another environment, or its items no longer match the approved digest.
 */
public class PlanRefusedException extends RefusedException {

	public PlanRefusedException(String message) {
		super(message);
	}

}
