package io.opsbatch.platform.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.schedule.ScheduleProperties.Schedule;
import org.quartz.CronExpression;

/**
 * The rules a schedule declaration must pass before anything is scheduled: a unique plain name, a known operation, a
 * valid cron expression and time zone, and only the keys a schedule has. A schedule launches an operation, which is a
 * dry-run or a read-only scan; it never executes a plan, so an {@code auto-execute} policy is refused, not ignored.
 */
public final class ScheduleDeclarations {

	/** The keys of one schedule under {@code opsbatch.schedules[n]}. */
	public static final Set<String> KEYS = Set.of("name", "operation", "parameters", "cron", "time-zone", "enabled");

	private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

	private ScheduleDeclarations() {
	}

	/**
	 * Refuse a list of schedules that breaks a rule.
	 * @param schedules the declared schedules
	 * @param operations the names of the operations of this installation
	 * @param keysByIndex the keys each declaration was written with (index in the list -> keys)
	 * @throws InvalidInputException naming the schedule and what is wrong
	 */
	public static void check(List<Schedule> schedules, Set<String> operations, Map<Integer, Set<String>> keysByIndex) {
		keysByIndex.forEach((index, keys) -> checkKeys(label(schedules, index), keys));
		Set<String> names = new HashSet<>();
		for (Schedule schedule : schedules) {
			check(schedule, operations);
			if (!names.add(schedule.name())) {
				throw new InvalidInputException("schedule '" + schedule.name() + "' is declared twice in opsbatch.schedules");
			}
		}
	}

	/** Refuse one declaration that breaks a rule. */
	public static void check(Schedule schedule, Set<String> operations) {
		if (schedule.name() == null || !schedule.name().matches(NAME)) {
			throw new InvalidInputException("schedule name '" + schedule.name()
					+ "' must be letters, digits, '.', '_' or '-' (at most 100)");
		}
		String where = "schedule '" + schedule.name() + "': ";
		if (schedule.operation() == null || !operations.contains(schedule.operation())) {
			throw new InvalidInputException(where + "unknown operation '" + schedule.operation() + "' (known: "
					+ String.join(", ", operations) + ")");
		}
		if (schedule.cron() == null || !CronExpression.isValidExpression(schedule.cron())) {
			throw new InvalidInputException(where + "invalid cron expression '" + schedule.cron()
					+ "' (Quartz cron, seconds first, e.g. \"0 30 2 * * ?\")");
		}
		try {
			ZoneId.of(schedule.timeZone());
		}
		catch (DateTimeException | NullPointerException ex) {
			throw new InvalidInputException(where + "unknown time zone '" + schedule.timeZone() + "'");
		}
	}

	private static void checkKeys(String schedule, Set<String> keys) {
		for (String key : keys) {
			if (key.equals("auto-execute") || key.equals("execute")) {
				throw new InvalidInputException("schedule " + schedule + ": '" + key + "' is not supported: a schedule "
						+ "launches a dry-run or a read-only scan and never executes a plan; a person approves and "
						+ "executes its plan (opsbatch approve / execute)");
			}
			if (!KEYS.contains(key)) {
				throw new InvalidInputException("schedule " + schedule + ": unknown key '" + key + "' (known: "
						+ String.join(", ", KEYS.stream().sorted().toList()) + ")");
			}
		}
	}

	private static String label(List<Schedule> schedules, int index) {
		return (index < schedules.size() && schedules.get(index).name() != null) ? "'" + schedules.get(index).name() + "'"
				: "#" + (index + 1);
	}

}
