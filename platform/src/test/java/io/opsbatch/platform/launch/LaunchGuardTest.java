package io.opsbatch.platform.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchGuardTest {

	static final Map<String, String> BALANCES = Map.of("name", "balances", "all", "true");

	final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T02:30:00Z"));

	final InMemoryLocks locks = new InMemoryLocks();

	final Map<Long, BatchStatus> runs = new HashMap<>();

	final LaunchGuard guard = new LaunchGuard(locks, (id) -> Optional.ofNullable(runs.get(id)), clock);

	@Test
	void a_second_launch_with_the_same_operation_and_parameters_is_refused_naming_the_running_run() {
		LaunchLock first = guard.acquire("reconcile", BALANCES, "alice");
		guard.attach(first, 42);
		runs.put(42L, BatchStatus.STARTED);

		assertThatThrownBy(() -> guard.acquire("reconcile", BALANCES, "bob"))
			.isInstanceOf(OperationAlreadyRunningException.class)
			.hasMessageContaining("already running as run 42")
			.hasMessageContaining("alice")
			.hasMessageContaining("opsbatch runs restart 42 --recover");
		assertThat(locks.find(first.key())).get().extracting(LaunchLock::token).isEqualTo(first.token());
	}

	@Test
	void the_order_parameters_are_given_in_does_not_matter() {
		Map<String, String> reversed = new LinkedHashMap<>();
		reversed.put("all", "true");
		reversed.put("name", "balances");
		Map<String, String> ordered = new LinkedHashMap<>();
		ordered.put("name", "balances");
		ordered.put("all", "true");

		assertThat(LaunchGuard.key("reconcile", reversed)).isEqualTo(LaunchGuard.key("reconcile", ordered));
		assertThat(LaunchGuard.key("reconcile", ordered)).isNotEqualTo(LaunchGuard.key("fix", ordered));
	}

	@Test
	void different_parameters_or_operations_do_not_wait_for_each_other() {
		guard.acquire("reconcile", BALANCES, "alice");

		guard.acquire("reconcile", Map.of("name", "balances", "resource", "17"), "alice");
		guard.acquire("orphans.scan", BALANCES, "alice");

		assertThat(locks.rows).hasSize(3);
	}

	@Test
	void a_lock_is_free_again_once_released() {
		LaunchLock first = guard.acquire("reconcile", BALANCES, "alice");

		assertThat(guard.release(first)).isTrue();

		LaunchLock second = guard.acquire("reconcile", BALANCES, "bob");
		assertThat(second.holder()).startsWith("bob (");
		assertThat(guard.release(first)).as("a released acquisition cannot release the next one").isFalse();
		assertThat(locks.find(second.key())).isPresent();
	}

	@Test
	void a_lock_whose_run_ended_without_releasing_it_is_taken_over() {
		LaunchLock dead = guard.acquire("reconcile", BALANCES, "alice");
		guard.attach(dead, 42);
		runs.put(42L, BatchStatus.FAILED); // its process died; runs restart 42 --recover marked it FAILED

		LaunchLock taken = guard.acquire("reconcile", BALANCES, "bob");

		assertThat(locks.find(dead.key())).get().extracting(LaunchLock::token).isEqualTo(taken.token());
		assertThat(locks.find(dead.key())).get().extracting(LaunchLock::runId).isNull();
		assertThat(guard.release(dead)).as("the dead launch no longer holds it").isFalse();
	}

	@Test
	void a_lock_of_a_run_that_is_gone_from_the_job_repository_is_stale() {
		LaunchLock gone = guard.acquire("reconcile", BALANCES, "alice");
		guard.attach(gone, 7);

		assertThat(guard.acquire("reconcile", BALANCES, "bob").token()).isNotEqualTo(gone.token());
	}

	@Test
	void a_lock_without_a_run_is_held_for_the_grace_period_then_stale() {
		guard.acquire("reconcile", BALANCES, "alice");

		clock.advance(LaunchGuard.UNSTARTED_GRACE);
		assertThatThrownBy(() -> guard.acquire("reconcile", BALANCES, "bob"))
			.isInstanceOf(OperationAlreadyRunningException.class)
			.hasMessageContaining("its run has not started yet");

		clock.advance(Duration.ofSeconds(1));
		assertThat(guard.acquire("reconcile", BALANCES, "bob").holder()).startsWith("bob (");
	}

	@Test
	void the_rule_treats_every_running_status_as_held() {
		LaunchLock held = new LaunchLock("k", "reconcile", "{}", 42L, "alice", "t", clock.instant());

		for (BatchStatus status : BatchStatus.values()) {
			assertThat(LaunchGuard.isStale(held, status, clock.instant())).as(status.name())
				.isEqualTo(!status.isRunning());
		}
		assertThat(LaunchGuard.isStale(held, null, clock.instant())).isTrue();
	}

	@Test
	void a_take_over_lost_to_another_launch_is_refused() {
		LaunchLock dead = guard.acquire("reconcile", BALANCES, "alice");
		guard.attach(dead, 42);
		runs.put(42L, BatchStatus.FAILED);
		locks.beforeTakeOver = () -> {
			// another process took the stale lock first and started run 43
			LaunchLock other = new LaunchLock(dead.key(), "reconcile", "{}", 43L, "carol (1@elsewhere)", "other",
					clock.instant());
			locks.rows.put(dead.key(), other);
			runs.put(43L, BatchStatus.STARTED);
		};

		assertThatThrownBy(() -> guard.acquire("reconcile", BALANCES, "bob"))
			.isInstanceOf(OperationAlreadyRunningException.class)
			.hasMessageContaining("run 43");
	}

	/** The repository's compare-and-set semantics, in memory. */
	static final class InMemoryLocks implements LaunchLockRepository {

		final Map<String, LaunchLock> rows = new HashMap<>();

		Runnable beforeTakeOver = () -> {
		};

		@Override
		public boolean insert(LaunchLock lock) {
			return rows.putIfAbsent(lock.key(), lock) == null;
		}

		@Override
		public Optional<LaunchLock> find(String key) {
			return Optional.ofNullable(rows.get(key));
		}

		@Override
		public boolean takeOver(LaunchLock stale, LaunchLock lock) {
			beforeTakeOver.run();
			return held(stale) && rows.put(lock.key(), lock) != null;
		}

		@Override
		public boolean attach(LaunchLock lock, long runId) {
			return held(lock) && rows.put(lock.key(), rows.get(lock.key()).withRun(runId)) != null;
		}

		@Override
		public boolean release(LaunchLock lock) {
			return held(lock) && rows.remove(lock.key()) != null;
		}

		private boolean held(LaunchLock lock) {
			LaunchLock row = rows.get(lock.key());
			return row != null && row.token().equals(lock.token());
		}

	}

	static final class SettableClock extends Clock {

		private Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
