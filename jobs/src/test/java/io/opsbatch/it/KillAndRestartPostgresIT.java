package io.opsbatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.opsbatch.OpsbatchApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An execute whose process is killed (SIGKILL, no shutdown hook) in the middle of a run: after {@code runs restart
 * --recover} every change is applied exactly once, with exactly one audit record, and the plan ends EXECUTED.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.RUNS,
				"spring.profiles.active=postgres", "DB_NAME=${opsbatch.test.db:opsbatch_test}", "DB_USER=opsbatch_test",
				"OPSBATCH_DEMO=true", "opsbatch.environment=it-postgres" })
class KillAndRestartPostgresIT extends CliTestSupport {

	static final int ROWS = 40_000;

	static final Path FIXES = Path.of("target/it-fixes/kill");

	@DynamicPropertySource
	static void fixes(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(FIXES);
		Files.writeString(FIXES.resolve("kill-reset.yml"), """
				description: reset every PROCESSING row of kill_orders
				store: app
				table: kill_orders
				key: [id]
				where: "status = 'PROCESSING'"
				set:
				  status: PENDING
				""");
		registry.add("opsbatch.fixes.directory", FIXES::toString);
	}

	@Test
	void an_execute_killed_mid_run_is_recovered_and_applies_every_change_exactly_once() throws Exception {
		jdbc.execute("DROP TABLE IF EXISTS kill_orders");
		jdbc.execute("CREATE TABLE kill_orders (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL)");
		jdbc.update("INSERT INTO kill_orders SELECT g, 'PROCESSING' FROM generate_series(1, ?) g", ROWS);
		CliResult dryRun = opsbatch("fix", "kill-reset", "--as", "alice");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(opsbatch("approve", dryRun.plan(), "--as", "bob").exitCode()).isZero();

		Process execute = startExecute(dryRun.plan());
		long appliedAtKill = waitForAppliedRecords(dryRun.plan(), execute);
		execute.destroyForcibly().waitFor();

		assertThat(appliedAtKill).as("killed before the run finished").isLessThan(ROWS);
		long runId = jdbc.queryForObject("""
				SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
				JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
				JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
				WHERE i.JOB_NAME = 'execute' AND p.PARAMETER_NAME = 'plan.id' AND p.PARAMETER_VALUE = ?""", Long.class, dryRun.plan());
		assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
				runId)).as("a killed run stays STARTED").isEqualTo("STARTED");
		assertThat(opsbatch("runs", "restart", String.valueOf(runId)).exitCode())
			.as("a STARTED run is not restarted without --recover").isEqualTo(3);

		CliResult tooEarly = opsbatch("runs", "restart", String.valueOf(runId), "--recover", "--as", "bob");
		assertThat(tooEarly.exitCode()).as(tooEarly.toString()).isEqualTo(3);
		assertThat(tooEarly.err()).contains("may still be running in another process").contains("--force");

		CliResult restarted = opsbatch("runs", "restart", String.valueOf(runId), "--recover", "--force", "--as", "bob");

		assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
		assertThat(count("SELECT COUNT(*) FROM kill_orders WHERE status = 'PENDING'")).isEqualTo(ROWS);
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND mode = 'execute'", dryRun.plan()))
			.isEqualTo(ROWS);
		assertThat(count("SELECT COUNT(DISTINCT item_seq) FROM ops_audit WHERE plan_id = ? AND mode = 'execute' "
				+ "AND outcome = 'applied'", dryRun.plan())).isEqualTo(ROWS);
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, dryRun.plan()))
			.isEqualTo("EXECUTED");
	}

	private Process startExecute(String planId) throws IOException {
		return SecondProcess.start(Path.of("target/kill-execute.log"), 20, FIXES, "execute", planId, "--as", "bob");
	}

	/** Waits until the run has committed some chunks; fails at once if the process ends first. */
	private long waitForAppliedRecords(String planId, Process execute) {
		return Awaitility.await("the execute run commits chunks (see target/kill-execute.log)")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(50))
			.failFast("the execute process ended early; see target/kill-execute.log", () -> !execute.isAlive())
			.until(() -> count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND mode = 'execute'", planId),
					(applied) -> applied >= 2_000);
	}

}
