package io.opsbatch.platform.schedule;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The recurring runs this installation declares, under {@code opsbatch.schedules}. Each names an
 * {@link io.opsbatch.platform.launch.Operation} and its text parameters; the scheduler (a later part) launches them
 * through {@link io.opsbatch.platform.launch.Operations}, as the CLI does.
 *
 * @param schedules the declared schedules
 */
@ConfigurationProperties("opsbatch")
public record ScheduleProperties(List<Schedule> schedules) {

	public ScheduleProperties {
		schedules = (schedules == null) ? List.of() : List.copyOf(schedules);
	}

	/**
	 * One recurring run.
	 *
	 * @param name a unique name, e.g. {@code nightly-orphan-scan}
	 * @param operation the operation's name, e.g. {@code orphans.scan}
	 * @param parameters the operation's parameters
	 * @param cron a Spring/Quartz cron expression (seconds first), e.g. {@code 0 30 2 * * *}
	 * @param timeZone the zone the cron expression is read in
	 * @param enabled whether it runs
	 */
	public record Schedule(String name, String operation, Map<String, String> parameters, String cron,
			@DefaultValue(DEFAULT_TIME_ZONE) String timeZone, @DefaultValue("true") boolean enabled) {

		/** Cron expressions are read in UTC unless a zone is given. */
		public static final String DEFAULT_TIME_ZONE = "UTC";

		public Schedule {
			parameters = (parameters == null) ? Map.of() : Map.copyOf(parameters);
		}

	}

}
