package io.opsbatch.it;

import io.opsbatch.OpsbatchApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The fix loop on the embedded H2 database, where the demo allows self-approval. */
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.FIXES, CliTestSupport.RUNS,
				CliTestSupport.SMALL_CHUNKS, "spring.datasource.url=jdbc:h2:mem:fixloop;DB_CLOSE_DELAY=-1" })
class FixLoopH2IT extends FixLoopContract {

	@Test
	void the_demo_environment_lets_the_requester_approve_their_own_plan() {
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");

		CliResult approve = opsbatch("approve", dryRun.plan(), "--as", "alice");

		assertThat(approve.exitCode()).as(approve.toString()).isZero();
	}

	@Test
	void a_java_fix_plans_computed_values_literally_and_executes_them() {
		CliResult dryRun = opsbatch("fix", "normalize-customer-emails", "--as", "alice");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.field("affected")).isEqualTo("6");
		assertThat(jdbc.queryForObject("SELECT after_json FROM ops_plan_item WHERE plan_id = ? AND seq = 1",
				String.class, dryRun.plan()))
			.isEqualTo("{\"email\":\"customer3@example.com\"}");
		opsbatch("approve", dryRun.plan(), "--as", "bob");

		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(count("SELECT COUNT(*) FROM customers WHERE email <> LOWER(TRIM(email))")).isZero();
		assertThat(jdbc.queryForObject("SELECT email FROM customers WHERE id = 3", String.class))
			.isEqualTo("customer3@example.com");
	}

}
