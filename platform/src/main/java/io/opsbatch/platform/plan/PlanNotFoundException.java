package io.opsbatch.platform.plan;

import io.opsbatch.platform.InvalidInputException;

/** No plan has the id the operator gave. */
public class PlanNotFoundException extends InvalidInputException {

	public PlanNotFoundException(String planId) {
		super("no plan with id '" + planId + "' (list recent plans with: opsbatch plans)");
	}

}
