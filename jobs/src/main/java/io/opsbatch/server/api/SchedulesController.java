package io.opsbatch.server.api;

import java.util.List;
import java.util.Map;

import io.opsbatch.platform.schedule.ScheduleView;
import io.opsbatch.platform.schedule.Schedules;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Schedules with next/previous fire and last run; trigger one now (202: a scheduler instance launches it). */
@RestController
@RequestMapping("/api/schedules")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SchedulesController {

	private final Schedules schedules;

	SchedulesController(Schedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping
	List<ScheduleView> list() {
		return schedules.list();
	}

	@GetMapping("/{name}")
	ScheduleView show(@PathVariable String name) {
		return schedules.get(name);
	}

	@PostMapping("/{name}/trigger")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, String> trigger(@PathVariable String name) {
		schedules.triggerNow(name);
		return Map.of("schedule", name, "status", "triggered", "see", "/api/schedules/" + name);
	}

}
