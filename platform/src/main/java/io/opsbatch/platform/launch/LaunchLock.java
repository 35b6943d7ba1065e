package io.opsbatch.platform.launch;

import java.time.Instant;

/**
 * A launch in progress, as {@code ops_launch_lock} holds it: at most one per operation and canonical parameters.
 *
 * @param key SHA-256 of the operation name and its canonical parameters (see {@link LaunchGuard#key})
 * @param operation the operation's name
 * @param parameters its text parameters as canonical JSON
 * @param runId the run the launch started, or null until the run exists
 * @param holder who launched it and from which process, e.g. {@code alice (4711@host-1)}
 * @param token identifies this acquisition: release and take-over compare it
 * @param acquiredAt when the lock was taken
 */
public record LaunchLock(String key, String operation, String parameters, Long runId, String holder, String token,
		Instant acquiredAt) {

	/** This lock with its run. */
	public LaunchLock withRun(long run) {
		return new LaunchLock(key, operation, parameters, run, holder, token, acquiredAt);
	}

}
