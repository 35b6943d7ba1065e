package io.opsbatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.opsbatch.OpsbatchApplication;
import io.opsbatch.platform.launch.LaunchGuard;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One launch at a time per operation and parameters, across processes on one database: while a dry-run runs in
 * another JVM, the same dry-run is refused (exit 3, naming the running run, nothing written), one with other
 * parameters proceeds; a lock left by a run that ended without releasing it (its process died, the run was
 * recovered) is taken over.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.RUNS,
				"spring.profiles.active=postgres", "DB_NAME=${opsbatch.test.db:opsbatch_test}", "DB_USER=opsbatch_test",
				"OPSBATCH_DEMO=true", "opsbatch.environment=it-postgres" })
class LaunchGuardPostgresIT extends CliTestSupport {

	static final int ROWS = 40_000;

	static final Path FIXES = Path.of("target/it-fixes/guard");

	static final String ACTION = "fix.guard-reset";

	@DynamicPropertySource
	static void fixes(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(FIXES);
		Files.writeString(FIXES.resolve("guard-reset.yml"), """
				description: close the guard_orders rows of one status
				store: app
				table: guard_orders
				key: [id]
				where: "status = :status"
				params:
				  status:
				    type: string
				    required: true
				    description: the status of the rows to close
				set:
				  status: CLOSED
				""");
		registry.add("opsbatch.fixes.directory", FIXES::toString);
	}

	@BeforeEach
	void tables() {
		jdbc.update("DELETE FROM ops_launch_lock");
		jdbc.execute("DROP TABLE IF EXISTS guard_orders");
		jdbc.execute("CREATE TABLE guard_orders (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL)");
		jdbc.update("INSERT INTO guard_orders SELECT g, CASE WHEN g <= 3 THEN 'HELD' ELSE 'OPEN' END "
				+ "FROM generate_series(1, ?) g", ROWS + 3);
	}

	@Test
	void the_same_dry_run_launched_while_another_process_runs_it_is_refused_and_writes_nothing() throws Exception {
		Process other = startDryRun("status=OPEN", "alice");
		long running = awaitRunningLock(LaunchGuard.key("fix", Map.of("fix", "guard-reset", "status", "OPEN")), other);
		long bobsPlans = count("SELECT COUNT(*) FROM ops_plan WHERE action = ? AND requester = 'bob'", ACTION);
		long bobsRuns = runsBy("bob");

		CliResult refused = opsbatch("fix", "guard-reset", "--param", "status=OPEN", "--as", "bob");

		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
		assertThat(refused.err().strip().lines()).as("one line").hasSize(1);
		assertThat(refused.err()).contains("already running as run " + running)
			.contains("opsbatch runs restart " + running + " --recover");
		assertThat(count("SELECT COUNT(*) FROM ops_plan WHERE action = ? AND requester = 'bob'", ACTION))
			.as("no plan").isEqualTo(bobsPlans);
		assertThat(runsBy("bob")).as("no run").isEqualTo(bobsRuns);

		CliResult otherParameters = opsbatch("fix", "guard-reset", "--param", "status=HELD", "--as", "bob");

		assertThat(otherParameters.exitCode()).as(otherParameters.toString()).isZero();
		assertThat(otherParameters.field("affected")).isEqualTo("3");
		assertThat(runStatus(running)).as("the other process was still running (raise ROWS if not)")
			.isEqualTo("STARTED");
		assertThat(other.waitFor(180, TimeUnit.SECONDS)).as("the other process ends").isTrue();
		assertThat(other.exitValue()).as("see target/guard-dry-run.log").isZero();
		assertThat(runStatus(running)).isEqualTo("COMPLETED");
		assertThat(count("SELECT COUNT(*) FROM ops_launch_lock")).as("every lock released").isZero();
	}

	@Test
	void a_lock_whose_run_was_recovered_after_its_process_died_is_taken_over() {
		CliResult earlier = opsbatch("fix", "guard-reset", "--param", "status=HELD", "--as", "alice");
		assertThat(earlier.exitCode()).as(earlier.toString()).isZero();
		long dead = earlier.run();
		// the process of run `dead` died mid-run: the run is left STARTED and its lock in place
		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL "
				+ "WHERE JOB_EXECUTION_ID = ?", dead);
		jdbc.update("INSERT INTO ops_launch_lock (lock_key, operation, parameters, run_id, holder, token, acquired_at) "
				+ "VALUES (?, 'fix', ?, ?, 'alice (4711@gone)', 'dead-token', ?)",
				LaunchGuard.key("fix", Map.of("fix", "guard-reset", "status", "HELD")),
				LaunchGuard.canonical(Map.of("fix", "guard-reset", "status", "HELD")), dead,
				Timestamp.from(Instant.now()));

		CliResult refused = opsbatch("fix", "guard-reset", "--param", "status=HELD", "--as", "bob");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
		assertThat(refused.err()).contains("opsbatch runs restart " + dead + " --recover");

		// recovered, as runs restart --recover or POST /api/runs/{id}/recover do
		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED', END_TIME = now() "
				+ "WHERE JOB_EXECUTION_ID = ?", dead);
		CliResult taken = opsbatch("fix", "guard-reset", "--param", "status=HELD", "--as", "bob");

		assertThat(taken.exitCode()).as(taken.toString()).isZero();
		assertThat(taken.field("affected")).isEqualTo("3");
		assertThat(count("SELECT COUNT(*) FROM ops_plan WHERE id = ? AND requester = 'bob'", taken.plan())).isOne();
		assertThat(count("SELECT COUNT(*) FROM ops_launch_lock")).as("released when its run ended").isZero();
	}

	@Test
	void a_restart_holds_the_lock_of_the_launch_it_continues() {
		CliResult earlier = opsbatch("fix", "guard-reset", "--param", "status=HELD", "--as", "alice");
		assertThat(earlier.exitCode()).as(earlier.toString()).isZero();
		long failed = earlier.run();
		CliResult other = opsbatch("fix", "guard-reset", "--param", "status=OPEN", "--as", "alice");
		long running = other.run();
		// run `failed` failed; meanwhile a fresh launch of the same fix and parameters holds the lock with run `running`
		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED' WHERE JOB_EXECUTION_ID = ?",
				failed);
		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL "
				+ "WHERE JOB_EXECUTION_ID = ?", running);
		String key = LaunchGuard.key("fix", Map.of("fix", "guard-reset", "status", "HELD"));
		jdbc.update("INSERT INTO ops_launch_lock (lock_key, operation, parameters, run_id, holder, token, acquired_at) "
				+ "VALUES (?, 'fix', ?, ?, 'carol (4712@elsewhere)', 'live-token', ?)", key,
				LaunchGuard.canonical(Map.of("fix", "guard-reset", "status", "HELD")), running,
				Timestamp.from(Instant.now()));
		long executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");

		CliResult refused = opsbatch("runs", "restart", Long.toString(failed), "--as", "bob");

		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
		assertThat(refused.err()).contains("already running as run " + running);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("no run started").isEqualTo(executions);

		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'COMPLETED', EXIT_CODE = 'COMPLETED', END_TIME = now() "
				+ "WHERE JOB_EXECUTION_ID = ?", running);
		CliResult restarted = opsbatch("runs", "restart", Long.toString(failed), "--as", "bob");

		assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
		assertThat(runStatus(restarted.run())).isEqualTo("COMPLETED");
		assertThat(count("SELECT COUNT(*) FROM ops_launch_lock")).as("released when the restart ended").isZero();
	}

	private Process startDryRun(String parameter, String user) throws IOException {
		return SecondProcess.start(Path.of("target/guard-dry-run.log"), 10, FIXES, "fix", "guard-reset", "--param",
				parameter, "--as", user);
	}

	/** Waits until the other process holds the lock with its run started; fails at once if the process ends first. */
	private long awaitRunningLock(String key, Process other) {
		return Awaitility.await("the other process starts its run (see target/guard-dry-run.log)")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(50))
			.failFast("the other process ended early; see target/guard-dry-run.log", () -> !other.isAlive())
			.until(() -> jdbc.queryForList("SELECT run_id FROM ops_launch_lock WHERE lock_key = ? AND run_id IS NOT NULL",
					Long.class, key), (runs) -> !runs.isEmpty())
			.get(0);
	}

	private long runsBy(String executor) {
		return count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'executor' AND "
				+ "PARAMETER_VALUE = ?", executor);
	}

	private String runStatus(long run) {
		return jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
				run);
	}

}
