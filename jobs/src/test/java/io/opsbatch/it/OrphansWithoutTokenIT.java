package io.opsbatch.it;

import io.opsbatch.OpsbatchApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A GitHub repo without a token is refused before anything is scanned or written. */
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.FIXES, CliTestSupport.RUNS,
				CliTestSupport.ORPHAN_RULES, "spring.datasource.url=jdbc:h2:mem:orphans-token;DB_CLOSE_DELAY=-1",
				"opsbatch.github.repo=acme/shop", "opsbatch.github.token=" })
class OrphansWithoutTokenIT extends CliTestSupport {

	@Test
	void a_repo_without_github_token_is_a_clear_error_before_scanning_and_nothing_is_written() {
		long runs = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(2);
		assertThat(scan.err()).startsWith("error: opsbatch.github.repo is acme/shop but GITHUB_TOKEN is not set");
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(runs);
		assertThat(count("SELECT COUNT(*) FROM ops_finding")).isZero();
	}

}
