package io.opsbatch.platform.schedule;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.schedule.ScheduleProperties.Schedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleDeclarationsTest {

	static final Set<String> OPERATIONS = Set.of("orphans.scan", "reconcile");

	static Schedule schedule(String name, String operation, String cron, String zone) {
		return new Schedule(name, operation, Map.of(), cron, zone, true);
	}

	@Test
	void a_valid_declaration_passes() {
		assertThatCode(() -> ScheduleDeclarations.check(List.of(schedule("nightly", "reconcile", "0 30 2 * * ?", "UTC")),
				OPERATIONS, Map.of(0, Set.of("name", "operation", "cron", "time-zone", "enabled", "parameters"))))
			.doesNotThrowAnyException();
	}

	@Test
	void auto_execute_is_refused_with_the_reason() {
		assertThatThrownBy(() -> ScheduleDeclarations.check(List.of(schedule("nightly", "reconcile", "0 30 2 * * ?",
				"UTC")), OPERATIONS, Map.of(0, Set.of("name", "auto-execute"))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("'nightly'")
			.hasMessageContaining("never executes a plan");
	}

	@Test
	void a_misspelt_key_is_refused() {
		assertThatThrownBy(() -> ScheduleDeclarations.check(List.of(schedule("nightly", "reconcile", "0 30 2 * * ?",
				"UTC")), OPERATIONS, Map.of(0, Set.of("enable"))))
			.hasMessageContaining("unknown key 'enable'");
	}

	@Test
	void unknown_operation_bad_cron_bad_zone_and_duplicates_are_refused() {
		assertThatThrownBy(() -> ScheduleDeclarations.check(schedule("a", "fix.all", "0 0 1 * * ?", "UTC"), OPERATIONS))
			.hasMessageContaining("unknown operation 'fix.all'");
		assertThatThrownBy(() -> ScheduleDeclarations.check(schedule("a", "reconcile", "0 0 1 * *", "UTC"), OPERATIONS))
			.hasMessageContaining("invalid cron expression");
		assertThatThrownBy(() -> ScheduleDeclarations.check(schedule("a", "reconcile", "0 0 1 * * ?", "Mars/Base"),
				OPERATIONS))
			.hasMessageContaining("unknown time zone");
		assertThatThrownBy(() -> ScheduleDeclarations.check(schedule("a b", "reconcile", "0 0 1 * * ?", "UTC"),
				OPERATIONS))
			.hasMessageContaining("schedule name");
		assertThatThrownBy(() -> ScheduleDeclarations.check(List.of(schedule("a", "reconcile", "0 0 1 * * ?", "UTC"),
				schedule("a", "orphans.scan", "0 0 2 * * ?", "UTC")), OPERATIONS, Map.of()))
			.hasMessageContaining("declared twice");
	}

}
