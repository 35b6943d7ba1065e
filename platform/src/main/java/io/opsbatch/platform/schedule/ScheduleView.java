package io.opsbatch.platform.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * A schedule as an operator sees it: its declaration, its trigger in the scheduler and its last fire.
 *
 * @param name the schedule's name
 * @param operation the operation it launches
 * @param parameters the operation's parameters
 * @param cron its cron expression
 * @param timeZone the zone of the cron expression
 * @param enabled whether it is declared enabled
 * @param state the trigger's state ({@code NORMAL}, {@code PAUSED}, {@code BLOCKED} while a fire runs...), or
 * {@code DISABLED}, {@code NOT_APPLIED} (declared, but no serve process has started since) or {@code UNDECLARED} (in
 * the scheduler, no longer declared: removed when serve starts)
 * @param nextFire the next fire time, or null
 * @param previousFire the previous fire time, or null
 * @param lastFire the last fire in the fire log, or null
 * @param lastRunStatus the status of the last fire's run in the job repository, or null
 */
public record ScheduleView(String name, String operation, Map<String, String> parameters, String cron,
		String timeZone, boolean enabled, String state, Instant nextFire, Instant previousFire, ScheduleFire lastFire,
		String lastRunStatus) {
}
