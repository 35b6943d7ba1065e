package io.opsbatch.platform.issues.support;

import java.time.Duration;

/** Waits between retries; tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

	/** The real one. */
	Sleeper THREAD = (duration) -> {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new io.opsbatch.platform.issues.IssueTrackerException("interrupted while waiting to retry", ex);
		}
	};

	void sleep(Duration duration);

}
