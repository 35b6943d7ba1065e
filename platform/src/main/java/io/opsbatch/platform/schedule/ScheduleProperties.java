package io.opsbatch.platform.schedule;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Declared schedules, under {@code opsbatch.schedules}: operations launched by name with text parameters at a cron
 * time. A scheduled dry-run makes a plan that waits for approval like any other; nothing scheduled executes a plan.
 * {@code opsbatch serve} applies them to Quartz on start (see {@code schedule.quartz}).
 *
 * @param schedules the declared schedules
 */
@ConfigurationProperties("opsbatch")
public record ScheduleProperties(List<Schedule> schedules) {

	public ScheduleProperties {
		schedules = (schedules == null) ? List.of() : List.copyOf(schedules);
	}

	/**
	 * One schedule.
	 *
	 * @param name a unique name, e.g. {@code nightly-balances}
	 * @param operation the operation to launch, e.g. {@code reconcile}
	 * @param parameters the operation's text parameters, e.g. {@code name: balances, all: "true"}
	 * @param cron a Quartz cron expression (seconds first), e.g. {@code 0 30 2 * * ?}
	 * @param timeZone the zone the cron expression is read in
	 * @param enabled whether the scheduler runs it
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
