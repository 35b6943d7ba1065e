package io.opsbatch.platform.launch;

import java.util.Optional;

/** The launch locks, shared by every process on the platform database. Each write is one compare-and-set. */
public interface LaunchLockRepository {

	/** Take a free lock; false when a lock with the same key exists. */
	boolean insert(LaunchLock lock);

	/** The lock with this key, if any. */
	Optional<LaunchLock> find(String key);

	/** Replace a stale lock by a new one, if it is still the one read (same token); false otherwise. */
	boolean takeOver(LaunchLock stale, LaunchLock lock);

	/** Record the run of a lock still held by this acquisition; false when it is not. */
	boolean attach(LaunchLock lock, long runId);

	/** Remove a lock held by this acquisition; false when it was no longer held. */
	boolean release(LaunchLock lock);

}
