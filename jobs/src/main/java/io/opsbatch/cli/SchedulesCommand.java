package io.opsbatch.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.schedule.ScheduleFire;
import io.opsbatch.platform.schedule.ScheduleView;
import io.opsbatch.platform.schedule.Schedules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code opsbatch schedules}: the declared schedules with their next and previous fire times and their last run,
 * read from the Quartz job store and the fire log (no running server needed).
 */
@Command(name = "schedules", description = "List schedules: next and previous fire, last run; trigger one now.",
		subcommands = SchedulesCommand.Trigger.class)
class SchedulesCommand extends CommandBase {

	private final Schedules schedules;

	SchedulesCommand(TargetEnvironment environment, Schedules schedules) {
		super(environment);
		this.schedules = schedules;
	}

	@Override
	int run(Console console) {
		List<List<String>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (ScheduleView view : schedules.list()) {
			ScheduleFire last = view.lastFire();
			rows.add(List.of(view.name(), String.valueOf(view.operation()), String.valueOf(view.cron()) + " "
					+ String.valueOf(view.timeZone()), view.state(), text(view.nextFire()), text(view.previousFire()),
					(last == null) ? "-" : last.outcome() + (last.runId() == null ? "" : " (run " + last.runId() + ")"),
					(view.lastRunStatus() == null) ? "-" : view.lastRunStatus()));
			json.add(json(view));
		}
		console.data("schedules", json);
		console.table(List.of("schedule", "operation", "cron", "state", "next", "previous", "last fire", "last run"),
				rows);
		return ok();
	}

	static Map<String, Object> json(ScheduleView view) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", view.name());
		json.put("operation", view.operation());
		json.put("parameters", view.parameters());
		json.put("cron", view.cron());
		json.put("timeZone", view.timeZone());
		json.put("enabled", view.enabled());
		json.put("state", view.state());
		json.put("nextFire", text(view.nextFire()));
		json.put("previousFire", text(view.previousFire()));
		ScheduleFire last = view.lastFire();
		if (last != null) {
			Map<String, Object> fire = new LinkedHashMap<>();
			fire.put("kind", last.kind());
			fire.put("scheduledAt", text(last.scheduledAt()));
			fire.put("firedAt", text(last.firedAt()));
			fire.put("finishedAt", text(last.finishedAt()));
			fire.put("instance", last.instanceId());
			fire.put("run", last.runId());
			fire.put("outcome", last.outcome());
			fire.put("message", last.message());
			json.put("lastFire", fire);
		}
		json.put("lastRunStatus", view.lastRunStatus());
		return json;
	}

	private static String text(Instant instant) {
		return (instant == null) ? "-" : instant.toString();
	}

	/** {@code opsbatch schedules trigger <name>}. */
	@Command(name = "trigger", description = "Fire a schedule once now; a running serve instance launches it.")
	static class Trigger extends CommandBase {

		@Parameters(index = "0", paramLabel = "<schedule>")
		String name;

		private final Schedules schedules;

		Trigger(TargetEnvironment environment, Schedules schedules) {
			super(environment);
			this.schedules = schedules;
		}

		@Override
		int run(Console console) {
			schedules.triggerNow(name);
			console.field("triggered", name + " (a running opsbatch serve instance launches it; see: opsbatch schedules)");
			return ok();
		}

	}

}
