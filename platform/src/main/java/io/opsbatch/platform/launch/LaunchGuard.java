package io.opsbatch.platform.launch;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.opsbatch.platform.plan.CanonicalJson;

import org.springframework.batch.core.BatchStatus;

/**
 * One launch at a time per operation and parameters: a launch of an operation whose name and canonical text
 * parameters equal those of a launch still running is refused with {@link OperationAlreadyRunningException}, in every
 * process on the platform database. A lock is stale, and taken over, when its run is no longer running in the job
 * repository (it ended without releasing the lock: its process died and the run was recovered, or the run is gone),
 * or when it has had no run for longer than {@link #UNSTARTED_GRACE} (its process died before the run started).
 */
public class LaunchGuard {

	/** How long a launch may hold its lock before its run exists; only a dead process takes longer. */
	public static final Duration UNSTARTED_GRACE = Duration.ofMinutes(10);

	private static final int ATTEMPTS = 3;

	/** The status of a run in the job repository. */
	@FunctionalInterface
	public interface RunStatuses {

		/** The run's status, or empty when there is no such run. */
		Optional<BatchStatus> of(long runId);

	}

	private final LaunchLockRepository locks;

	private final RunStatuses runs;

	private final Clock clock;

	public LaunchGuard(LaunchLockRepository locks, RunStatuses runs, Clock clock) {
		this.locks = locks;
		this.runs = runs;
		this.clock = clock;
	}

	/**
	 * Take the lock of a launch, before anything of it is written.
	 * @param operation the operation's name
	 * @param parameters its text parameters, as given
	 * @param launcher who launches it
	 * @return the lock; attach its run, release it when the run ends
	 * @throws OperationAlreadyRunningException when a launch with the same operation and parameters holds it
	 */
	public LaunchLock acquire(String operation, Map<String, String> parameters, String launcher) {
		LaunchLock wanted = new LaunchLock(key(operation, parameters), operation, canonical(parameters), null,
				launcher + " (" + ManagementFactory.getRuntimeMXBean().getName() + ")", UUID.randomUUID().toString(),
				clock.instant());
		LaunchLock held = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			if (locks.insert(wanted)) {
				return wanted;
			}
			Optional<LaunchLock> found = locks.find(wanted.key());
			if (found.isEmpty()) {
				continue;
			}
			held = found.get();
			Optional<BatchStatus> status = (held.runId() == null) ? Optional.empty() : runs.of(held.runId());
			if (!isStale(held, status.orElse(null), clock.instant())) {
				throw new OperationAlreadyRunningException(held);
			}
			if (locks.takeOver(held, wanted)) {
				return wanted;
			}
		}
		// every attempt lost a race against another launch of the same operation and parameters
		throw new OperationAlreadyRunningException(locks.find(wanted.key()).orElse(held));
	}

	/**
	 * Record the run a lock's launch started.
	 * @return false when the lock is no longer held by this launch (it was taken over)
	 */
	public boolean attach(LaunchLock lock, long runId) {
		return locks.attach(lock, runId);
	}

	/**
	 * Free a lock when its run ended, however it ended.
	 * @return false when it was no longer held by this launch
	 */
	public boolean release(LaunchLock lock) {
		return locks.release(lock);
	}

	/**
	 * The rule: whether a held lock may be taken over.
	 * @param held the lock
	 * @param runStatus the status of its run in the job repository, or null when it has none or the run is gone
	 * @param now the current time
	 */
	public static boolean isStale(LaunchLock held, BatchStatus runStatus, Instant now) {
		if (held.runId() == null) {
			return held.acquiredAt().plus(UNSTARTED_GRACE).isBefore(now);
		}
		return runStatus == null || !runStatus.isRunning();
	}

	/** The lock key of an operation and its text parameters: SHA-256 of the name and the canonical JSON. */
	public static String key(String operation, Map<String, String> parameters) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((operation + "\n" + canonical(parameters)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** Text parameters as canonical JSON: keys sorted, so the order they were given in does not matter. */
	public static String canonical(Map<String, String> parameters) {
		return CanonicalJson.write(new TreeMap<>(parameters));
	}

}
