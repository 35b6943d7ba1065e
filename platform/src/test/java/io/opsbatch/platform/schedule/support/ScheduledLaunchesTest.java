package io.opsbatch.platform.schedule.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.launch.LaunchLock;
import io.opsbatch.platform.launch.Operation;
import io.opsbatch.platform.launch.OperationAlreadyRunningException;
import io.opsbatch.platform.launch.Operations;
import io.opsbatch.platform.schedule.ScheduleFire;
import io.opsbatch.platform.schedule.ScheduleFireRepository;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledLaunchesTest {

	final List<String> finished = new ArrayList<>();

	final ScheduleFireRepository fires = new ScheduleFireRepository() {
		@Override
		public long start(String schedule, String kind, Instant scheduledAt, Instant firedAt, String instanceId) {
			return 1;
		}

		@Override
		public void finish(long id, Long runId, String outcome, String message, Instant finishedAt) {
			finished.add(outcome + ": " + message);
		}

		@Override
		public Optional<ScheduleFire> last(String schedule) {
			return Optional.empty();
		}

		@Override
		public List<ScheduleFire> of(String schedule) {
			return List.of();
		}
	};

	ScheduledLaunches launching(RuntimeException failure) {
		Operation operation = new Operation() {
			@Override
			public String name() {
				return "op";
			}

			@Override
			public String description() {
				return "";
			}

			@Override
			public JobExecution launch(Map<String, String> parameters, String executor) {
				throw failure;
			}
		};
		return new ScheduledLaunches(new Operations(List.of(operation)), fires,
				Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
	}

	@Test
	void a_start_spring_batch_refuses_is_recorded_as_refused_not_thrown() {
		String outcome = launching(new IllegalStateException("cannot start",
				new JobExecutionAlreadyRunningException("A job execution for this job is already running")))
			.launch("nightly", "op", Map.of(), "scheduled", Instant.now(), "node-a");

		assertThat(outcome).isEqualTo(ScheduleFire.REFUSED);
		assertThat(finished).singleElement().asString().contains("already running");
	}

	@Test
	void a_launch_the_launch_guard_refuses_is_recorded_as_refused_naming_the_running_run() {
		LaunchLock held = new LaunchLock("k", "op", "{}", 42L, "alice (1@host)", "t",
				Instant.parse("2030-01-01T00:00:00Z"));

		String outcome = launching(new OperationAlreadyRunningException(held))
			.launch("nightly", "op", Map.of(), "scheduled", Instant.now(), "node-a");

		assertThat(outcome).isEqualTo(ScheduleFire.REFUSED);
		assertThat(finished).singleElement().asString().contains("already running as run 42");
	}

	@Test
	void bad_parameters_are_recorded_as_invalid() {
		String outcome = launching(new InvalidInputException("unknown parameter 'x'"))
			.launch("nightly", "op", Map.of("x", "1"), "scheduled", Instant.now(), "node-a");

		assertThat(outcome).isEqualTo(ScheduleFire.INVALID);
		assertThat(finished).singleElement().asString().contains("unknown parameter 'x'");
	}

	@Test
	void an_unknown_operation_is_invalid() {
		String outcome = launching(new IllegalStateException()).launch("nightly", "gone", Map.of(), "scheduled",
				Instant.now(), "node-a");

		assertThat(outcome).isEqualTo(ScheduleFire.INVALID);
	}

}
