package io.opsbatch.platform.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler of {@code opsbatch serve}, under {@code opsbatch.scheduler}.
 *
 * @param enabled whether this process applies the declared schedules and starts the Quartz scheduler; only
 * {@code opsbatch serve} sets it, every other command leaves Quartz in standby (it may read schedules, never fire)
 */
@ConfigurationProperties("opsbatch.scheduler")
public record SchedulerProperties(@DefaultValue("false") boolean enabled) {

	/** The Quartz job and trigger group opsbatch owns: a job in it that no schedule declares is removed on start. */
	public static final String GROUP = "opsbatch";

	/** The group of one-off triggers made by "trigger now". */
	public static final String MANUAL_GROUP = "opsbatch-manual";

}
