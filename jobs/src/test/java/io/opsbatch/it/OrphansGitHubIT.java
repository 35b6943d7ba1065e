package io.opsbatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opsbatch.OpsbatchApplication;
import io.opsbatch.platform.issues.support.Sleeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Orphan findings filed as GitHub issues, against an in-test GitHub that checks the documented request shapes. */
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.FIXES, CliTestSupport.RUNS,
				CliTestSupport.ORPHAN_RULES, "spring.datasource.url=jdbc:h2:mem:orphans-github;DB_CLOSE_DELAY=-1",
				"opsbatch.github.repo=" + FakeGitHub.REPO, "opsbatch.github.token=" + FakeGitHub.TOKEN })
@Import(OrphansGitHubIT.RecordingSleeper.class)
class OrphansGitHubIT extends CliTestSupport {

	static final FakeGitHub GITHUB = start();

	static final List<Duration> WAITS = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void github(DynamicPropertyRegistry registry) {
		registry.add("opsbatch.github.base-url", GITHUB::baseUrl);
	}

	@BeforeEach
	void cleanState() {
		GITHUB.reset();
		WAITS.clear();
		jdbc.update("DELETE FROM ops_finding");
	}

	@AfterAll
	static void stop() {
		GITHUB.close();
	}

	@Test
	void the_first_scan_opens_one_issue_for_the_rule_at_issue_severity() throws IOException {
		CliResult scan = opsbatch("orphans", "scan", "--as", "alice");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(GITHUB.violations).isEmpty();
		assertThat(GITHUB.issues).hasSize(1);
		Map<String, Object> issue = GITHUB.issues.get(1L);
		assertThat((String) issue.get("title")).contains("orders-without-customer").contains("7");
		assertThat((String) issue.get("body")).contains("**7**")
			.contains("OK 0, INDIVIDUAL 1-5, ISSUE >= 6")
			.contains("{id=401}")
			.contains("NOT EXISTS")
			.contains("./opsbatch orphans cleanup orders-without-customer")
			.contains("<!-- opsbatch-fingerprint: orders-without-customer@app.orders -->");
		assertThat(FakeGitHub.labelNames(issue)).contains("opsbatch", "orphans").anyMatch((l) -> l.startsWith("opsbatch-"));
		assertThat(jdbc.queryForMap("SELECT issue_action, issue_number, issue_url FROM ops_finding "
				+ "WHERE run_id = ? AND rule_id = 'orders-without-customer'", scan.run()))
			.containsEntry("ISSUE_ACTION", "CREATED")
			.containsEntry("ISSUE_NUMBER", 1L)
			.containsEntry("ISSUE_URL", "https://github.com/acme/shop/issues/1");
		assertThat(count("SELECT COUNT(*) FROM ops_finding WHERE run_id = ? AND issue_action = 'NONE'", scan.run()))
			.isEqualTo(2);
		String results = Files.readString(Path.of(scan.field("results")));
		assertThat(results).contains("\"action\" : \"created\"").contains("https://github.com/acme/shop/issues/1");
		assertThat(results + scan.out() + scan.err() + issue.get("body")).doesNotContain(FakeGitHub.TOKEN);
	}

	@Test
	void a_second_scan_with_the_same_finding_comments_and_does_not_open_another_issue() {
		opsbatch("orphans", "scan");

		CliResult second = opsbatch("orphans", "scan");

		assertThat(second.exitCode()).as(second.toString()).isEqualTo(5);
		assertThat(GITHUB.issues).hasSize(1);
		
		assertThat(GITHUB.requests.stream().filter((r) -> r.equals("POST /repos/acme/shop/issues"))).hasSize(1);
		assertThat(GITHUB.comments).hasSize(1);
		assertThat((String) GITHUB.comments.get(0).get("body")).contains("**7**").contains("run " + second.run());
		assertThat(second.out()).contains("commented https://github.com/acme/shop/issues/1");
		assertThat(GITHUB.violations).isEmpty();
	}

	@Test
	void a_scan_back_at_ok_comments_on_and_closes_the_issue() {
		opsbatch("orphans", "scan");
		jdbc.update("DELETE FROM orders WHERE customer_id > 900");
		jdbc.update("DELETE FROM order_items WHERE order_id > 400");

		CliResult ok = opsbatch("orphans", "scan");

		assertThat(ok.exitCode()).as(ok.toString()).isZero();
		assertThat(GITHUB.issues.get(1L)).containsEntry("state", "closed").containsEntry("state_reason", "completed");
		assertThat(GITHUB.comments).singleElement()
			.satisfies((c) -> assertThat((String) c.get("body")).contains("back at OK"));
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ? AND rule_id = "
				+ "'orders-without-customer'", String.class, ok.run())).isEqualTo("CLOSED");
		assertThat(GITHUB.issues).hasSize(1);
		assertThat(GITHUB.violations).isEmpty();
	}

	@Test
	void server_errors_are_retried_with_backoff_and_then_succeed() {
		GITHUB.failNext(2, 503, Map.of());

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(WAITS).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(GITHUB.issues).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ? AND rule_id = "
				+ "'orders-without-customer'", String.class, scan.run())).isEqualTo("CREATED");
	}

	@Test
	void a_rate_limit_waits_as_long_as_github_says() {
		GITHUB.failNext(1, 429, Map.of("Retry-After", "42"));
		long reset = Instant.now().plusSeconds(120).getEpochSecond();
		GITHUB.failNext(1, 403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(WAITS).hasSizeGreaterThanOrEqualTo(2);
		assertThat(WAITS.get(0)).isEqualTo(Duration.ofSeconds(42));
		assertThat(WAITS.get(1)).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(122));
		assertThat(GITHUB.issues).hasSize(1);
	}

	@Test
	void a_failure_leaves_the_finding_pending_and_file_issues_completes_it_once() {
		GITHUB.failNext(1000, 500, Map.of());

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(GITHUB.issues).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM ops_finding WHERE run_id = ? AND issue_action = 'PENDING'", scan.run()))
			.isEqualTo(3);
		assertThat(scan.out()).contains("orphans file-issues " + scan.run());

		GITHUB.clearFailures();
		CliResult file = opsbatch("orphans", "file-issues", Long.toString(scan.run()));
		CliResult again = opsbatch("orphans", "file-issues", Long.toString(scan.run()));

		assertThat(file.exitCode()).as(file.toString()).isZero();
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(GITHUB.issues).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ? AND rule_id = "
				+ "'orders-without-customer'", String.class, scan.run())).isEqualTo("CREATED");
		assertThat(count("SELECT COUNT(*) FROM ops_finding WHERE issue_action = 'PENDING'")).isZero();
	}

	@Test
	void the_next_scan_completes_a_pending_finding_and_supersedes_the_old_one() {
		GITHUB.failNext(1000, 502, Map.of());
		CliResult failed = opsbatch("orphans", "scan");
		GITHUB.clearFailures();

		CliResult next = opsbatch("orphans", "scan");

		assertThat(next.exitCode()).as(next.toString()).isEqualTo(5);
		assertThat(GITHUB.issues).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ? AND rule_id = "
				+ "'orders-without-customer'", String.class, failed.run())).isEqualTo("SUPERSEDED");
		assertThat(opsbatch("orphans", "file-issues", Long.toString(failed.run())).exitCode()).isZero();
		assertThat(GITHUB.issues).hasSize(1);
	}

	@Test
	void a_create_whose_response_is_lost_is_found_again_not_duplicated() {
		GITHUB.loseNextCreateResponse(502);

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(GITHUB.issues).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT issue_number FROM ops_finding WHERE run_id = ? AND rule_id = "
				+ "'orders-without-customer'", Long.class, scan.run())).isEqualTo(1L);
	}

	@Test
	void a_comment_whose_response_is_lost_is_found_again_not_posted_twice() {
		opsbatch("orphans", "scan");
		GITHUB.loseNextCommentResponse(502);

		CliResult second = opsbatch("orphans", "scan");

		assertThat(second.exitCode()).as(second.toString()).isEqualTo(5);
		assertThat(GITHUB.comments).singleElement()
			.satisfies((c) -> assertThat((String) c.get("body")).contains("run " + second.run())
				.contains("<!-- opsbatch-finding: orders-without-customer@app.orders run " + second.run() + " -->"));
		assertThat(GITHUB.requests).filteredOn((r) -> r.startsWith("GET /repos/acme/shop/issues/1/comments?"))
			.hasSize(2);
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ? AND rule_id = "
				+ "'orders-without-customer'", String.class, second.run())).isEqualTo("COMMENTED");
		assertThat(GITHUB.violations).isEmpty();
	}

	@Test
	void file_issues_does_not_repeat_a_comment_that_landed_before_the_tracker_failed() {
		opsbatch("orphans", "scan");
		GITHUB.loseNextCommentResponseThenFail(502);
		CliResult second = opsbatch("orphans", "scan", "--rule", "orders-without-customer");
		assertThat(GITHUB.comments).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ?", String.class,
				second.run())).isEqualTo("PENDING");
		GITHUB.clearFailures();

		CliResult file = opsbatch("orphans", "file-issues", Long.toString(second.run()));

		assertThat(file.exitCode()).as(file.toString()).isZero();
		assertThat(GITHUB.comments).hasSize(1);
		assertThat(GITHUB.issues).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ?", String.class,
				second.run())).isEqualTo("COMMENTED");
		assertThat(GITHUB.violations).isEmpty();
	}

	private static FakeGitHub start() {
		try {
			return new FakeGitHub();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Records the waits instead of sleeping. */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingSleeper {

		@Bean
		Sleeper sleeper() {
			return WAITS::add;
		}

	}

}
