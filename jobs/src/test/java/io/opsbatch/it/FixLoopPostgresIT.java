package io.opsbatch.it;

import io.opsbatch.OpsbatchApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The fix loop on PostgreSQL, in an environment that requires four eyes. */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.FIXES, CliTestSupport.RUNS,
				CliTestSupport.SMALL_CHUNKS, "spring.profiles.active=postgres", "DB_NAME=${opsbatch.test.db:opsbatch_test}",
				"DB_USER=opsbatch_test", "OPSBATCH_DEMO=true", "opsbatch.environment=it-postgres" })
class FixLoopPostgresIT extends FixLoopContract {

	@Test
	void the_requester_cannot_approve_their_own_plan() {
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");

		CliResult approve = opsbatch("approve", dryRun.plan(), "--as", "alice");

		assertThat(approve.exitCode()).isEqualTo(3);
		assertThat(approve.err()).contains("cannot approve it");
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, dryRun.plan()))
			.isEqualTo("PENDING");
	}

}
