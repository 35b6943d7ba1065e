package io.opsbatch.platform.approval;

import io.opsbatch.platform.RefusedException;
import io.opsbatch.platform.plan.Plan;

/** The requester of a plan tried to approve it where four eyes are required. */
public class SelfApprovalException extends RefusedException {

	public SelfApprovalException(Plan plan, String approver, String environment) {
		super("plan " + plan.id() + " was requested by " + approver + ", who cannot approve it in environment '"
				+ environment + "'; a second person must run: opsbatch approve " + plan.id() + " --as <approver>");
	}

}
