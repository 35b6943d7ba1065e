package io.opsbatch.platform.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The fire log: one row per schedule fire, written by the instance that took it. */
public interface ScheduleFireRepository {

	/** Record that a fire starts; returns its id. */
	long start(String schedule, String kind, Instant scheduledAt, Instant firedAt, String instanceId);

	/** Record how a fire ended. */
	void finish(long id, Long runId, String outcome, String message, Instant finishedAt);

	/** The most recent fire of a schedule. */
	Optional<ScheduleFire> last(String schedule);

	/** The fires of a schedule, oldest first. */
	List<ScheduleFire> of(String schedule);

}
