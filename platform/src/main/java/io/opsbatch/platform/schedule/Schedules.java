package io.opsbatch.platform.schedule;

import java.util.List;

/** The schedules of this installation, for the CLI and the API. Reading them needs no running scheduler. */
public interface Schedules {

	/** Every declared schedule, and any still in the scheduler that is no longer declared. */
	List<ScheduleView> list();

	/** One declared schedule. */
	ScheduleView get(String name);

	/**
	 * Fire a declared, enabled schedule now, once, through the scheduler: whichever running {@code serve} instance
	 * takes it launches the operation, as for a cron fire.
	 * @throws ScheduleNotFoundException when no such schedule is declared
	 * @throws io.opsbatch.platform.RefusedException when it is disabled or not applied yet
	 */
	void triggerNow(String name);

}
