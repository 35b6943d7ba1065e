package io.opsbatch.platform.launch;

import io.opsbatch.platform.RefusedException;

/**
 * A launch of an operation with the same parameters as one still running was refused; nothing was started. The
 * message names the running run and how to free it when its process died.
 */
public class OperationAlreadyRunningException extends RefusedException {

	private final transient LaunchLock held;

	public OperationAlreadyRunningException(LaunchLock held) {
		super(message(held));
		this.held = held;
	}

	/** The lock of the launch that is running. */
	public LaunchLock held() {
		return held;
	}

	private static String message(LaunchLock held) {
		String what = held.operation() + " with the same parameters " + held.parameters();
		if (held.runId() == null) {
			return what + " is being launched by " + held.holder() + " since " + held.acquiredAt()
					+ " (its run has not started yet); try again when it has finished";
		}
		return what + " is already running as run " + held.runId() + " (launched by " + held.holder() + " at "
				+ held.acquiredAt() + "); if its process died, recover it with: opsbatch runs restart "
				+ held.runId() + " --recover";
	}

}
