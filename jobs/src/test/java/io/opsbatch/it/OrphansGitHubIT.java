package io.opsbatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.opsbatch.OpsbatchApplication;
import io.opsbatch.platform.issues.support.Sleeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Orphan findings filed as GitHub issues, against an in-test GitHub that checks the documented request shapes. */
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.FIXES, CliTestSupport.RUNS,
				"opsbatch.orphans.directory=" + OrphansGitHubIT.RULES,
				"spring.datasource.url=jdbc:h2:mem:orphans-github;DB_CLOSE_DELAY=-1",
				"opsbatch.github.repo=" + FakeGitHub.REPO, "opsbatch.github.token=" + FakeGitHub.TOKEN })
@Import(OrphansGitHubIT.RecordingSleeper.class)
class OrphansGitHubIT extends CliTestSupport {

	/** The shipped rules, copied per test so that a test can change one. */
	static final String RULES = "target/it-orphan-rules-github";

	static final String ORDERS_RULE = "orders-without-customer";

	static final FakeGitHub GITHUB = start();

	static final List<Duration> WAITS = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void github(DynamicPropertyRegistry registry) {
		registry.add("opsbatch.github.base-url", GITHUB::baseUrl);
	}

	@BeforeEach
	void cleanState() throws IOException {
		GITHUB.reset();
		WAITS.clear();
		jdbc.update("DELETE FROM ops_finding");
		Path rules = Path.of(RULES);
		Files.createDirectories(rules);
		try (Stream<Path> old = Files.list(rules)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		try (Stream<Path> shipped = Files.list(Path.of("../config/orphan-rules"))) {
			for (Path file : shipped.toList()) {
				Files.copy(file, rules.resolve(file.getFileName()));
			}
		}
	}

	@AfterEach
	void everyRequestHadTheDocumentedShape() {
		assertThat(GITHUB.violations).isEmpty();
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
			.satisfies((c) -> assertThat((String) c.get("body")).contains("back at OK")
				.contains("**0** orphans in `app.orders`: back at OK.")
				.doesNotContain("below the issue threshold"));
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

	@Test
	void a_scan_back_at_ok_above_zero_tells_the_real_count_below_the_issue_threshold() throws IOException {
		Files.writeString(Path.of(RULES, ORDERS_RULE + ".yml"), """
				description: Orders whose customer is gone
				child: {store: app, table: orders, key: [id], foreign_key: [customer_id]}
				parent: {store: app, table: customers, key: [id]}
				thresholds:
				  individual_if: "> 3"
				  issue_if: ">= 6"
				""");
		CliResult first = opsbatch("orphans", "scan", "--rule", ORDERS_RULE);
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(5);
		jdbc.update("DELETE FROM orders WHERE customer_id BETWEEN 901 AND 904");

		CliResult ok = opsbatch("orphans", "scan", "--rule", ORDERS_RULE);

		assertThat(ok.exitCode()).as(ok.toString()).isZero();
		assertThat(GITHUB.comments).singleElement()
			.satisfies((c) -> assertThat((String) c.get("body"))
				.contains("**3** orphans in `app.orders`, below the issue threshold (OK < 4, INDIVIDUAL 4-5, ISSUE >= 6)"
						+ ": back at OK.")
				.doesNotContain("**0**"));
		assertThat(GITHUB.issues.get(1L)).containsEntry("state", "closed");
		assertThat(jdbc.queryForMap("SELECT orphan_count, severity, issue_action FROM ops_finding WHERE run_id = ?",
				ok.run()))
			.containsEntry("ORPHAN_COUNT", 3L)
			.containsEntry("SEVERITY", "OK")
			.containsEntry("ISSUE_ACTION", "CLOSED");
	}

	@Test
	void a_create_answered_with_an_html_page_leaves_the_finding_pending_and_file_issues_completes_it() {
		GITHUB.answerNextCreateWithHtml(200);

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(jdbc.queryForObject("SELECT status FROM BATCH_JOB_EXECUTION WHERE job_execution_id = ?",
				String.class, scan.run())).isEqualTo("COMPLETED");
		assertThat(GITHUB.issues).isEmpty();
		assertThat(WAITS).isEmpty();
		assertThat(jdbc.queryForMap("SELECT issue_action, issue_error FROM ops_finding WHERE run_id = ? AND rule_id = ?",
				scan.run(), ORDERS_RULE))
			.containsEntry("ISSUE_ACTION", "PENDING")
			.hasEntrySatisfying("ISSUE_ERROR", (error) -> assertThat((String) error).startsWith(
					"POST /repos/acme/shop/issues answered 200 with a body that is not a GitHub issue (text/html"));
		assertThat(scan.out()).contains("orphans file-issues " + scan.run());

		CliResult file = opsbatch("orphans", "file-issues", Long.toString(scan.run()));

		assertThat(file.exitCode()).as(file.toString()).isZero();
		assertThat(GITHUB.issues).hasSize(1);
		assertThat(GITHUB.count("POST")).isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ? AND rule_id = ?",
				String.class, scan.run(), ORDERS_RULE)).isEqualTo("CREATED");
	}

	@Test
	void a_create_refused_with_a_server_error_searches_again_and_opens_exactly_one_issue() {
		GITHUB.failNextCreate(503);

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(GITHUB.issues).hasSize(1);
		List<String> creates = GITHUB.requests.stream().filter((r) -> r.equals("POST /repos/acme/shop/issues")).toList();
		assertThat(creates).hasSize(2);
		int first = GITHUB.requests.indexOf("POST /repos/acme/shop/issues");
		assertThat(GITHUB.requests.get(first + 1)).startsWith("GET /repos/acme/shop/issues?state=open");
		assertThat(GITHUB.requests.get(first + 2)).isEqualTo("POST /repos/acme/shop/issues");
		assertThat(WAITS).containsExactly(Duration.ofSeconds(1));
		assertThat(jdbc.queryForObject("SELECT issue_action FROM ops_finding WHERE run_id = ? AND rule_id = ?",
				String.class, scan.run(), ORDERS_RULE)).isEqualTo("CREATED");
	}

	@Test
	void a_secondary_rate_limit_with_only_retry_after_waits_as_told() {
		GITHUB.failNext(1, 403, Map.of("Retry-After", "17"),
				"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.");

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(WAITS).containsExactly(Duration.ofSeconds(17));
		assertThat(GITHUB.requests.get(1)).isEqualTo(GITHUB.requests.get(0));
		assertThat(GITHUB.issues).hasSize(1);
		assertThat(count("SELECT COUNT(*) FROM ops_finding WHERE run_id = ? AND issue_action = 'PENDING'", scan.run()))
			.isZero();
	}

	@Test
	void a_rate_limit_longer_than_the_max_wait_leaves_the_findings_pending_without_waiting() {
		GITHUB.failNext(1000, 429, Map.of("Retry-After", "3600"));

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		assertThat(WAITS).isEmpty();
		assertThat(GITHUB.requests).hasSize(3);
		assertThat(GITHUB.issues).isEmpty();
		assertThat(jdbc.queryForList("SELECT issue_error FROM ops_finding WHERE run_id = ? AND issue_action = 'PENDING'",
				String.class, scan.run()))
			.hasSize(3)
			.allSatisfy((error) -> assertThat(error).contains("answered 429")
				.contains("rate limited for 3600s, more than opsbatch.github.max-rate-limit-wait"));

		GITHUB.clearFailures();
		CliResult file = opsbatch("orphans", "file-issues", Long.toString(scan.run()));

		assertThat(file.exitCode()).as(file.toString()).isZero();
		assertThat(GITHUB.issues).hasSize(1);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void the_token_never_appears_in_logs_output_results_issues_comments_or_stored_errors(CapturedOutput logs)
			throws IOException {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		LogLevel batchLevel = logging.getLoggerConfiguration("org.springframework.batch").getConfiguredLevel();
		LogLevel ownLevel = logging.getLoggerConfiguration("io.opsbatch").getConfiguredLevel();
		logging.setLogLevel("org.springframework.batch", LogLevel.INFO);
		logging.setLogLevel("io.opsbatch", LogLevel.DEBUG);
		StringBuilder seen = new StringBuilder();
		try {
			// a proxy that echoes the credentials it was sent
			GITHUB.failNext(1000, 401, Map.of(), "Bad credentials: Authorization: Bearer " + FakeGitHub.TOKEN);
			CliResult failed = opsbatch("orphans", "scan");
			List<String> errors = jdbc.queryForList("SELECT issue_error FROM ops_finding WHERE run_id = ?",
					String.class, failed.run());
			assertThat(errors).hasSize(3).allSatisfy((error) -> assertThat(error).contains("answered 401"));
			GITHUB.clearFailures();
			CliResult file = opsbatch("orphans", "file-issues", Long.toString(failed.run()));
			CliResult again = opsbatch("orphans", "scan");
			assertThat(GITHUB.comments).hasSize(1);
			for (CliResult result : List.of(failed, file, again)) {
				seen.append(result.out()).append(result.err());
				seen.append(Files.readString(Path.of(result.field("results"))));
			}
			seen.append(errors);
			seen.append(jdbc.queryForList("SELECT issue_error FROM ops_finding", String.class));
		}
		finally {
			logging.setLogLevel("org.springframework.batch", batchLevel);
			logging.setLogLevel("io.opsbatch", ownLevel);
		}
		GITHUB.issues.values().forEach((issue) -> seen.append(issue.get("title")).append(issue.get("body")));
		GITHUB.comments.forEach((comment) -> seen.append(comment.get("body")));

		assertThat(logs.getAll()).contains("orphansScan");
		assertThat(logs.getAll()).doesNotContain(FakeGitHub.TOKEN);
		assertThat(seen).contains("answered 401").contains("Bad credentials").doesNotContain(FakeGitHub.TOKEN);
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
