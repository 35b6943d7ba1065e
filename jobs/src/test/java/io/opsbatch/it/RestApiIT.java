package io.opsbatch.it;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opsbatch.OpsbatchApplication;
import io.opsbatch.platform.launch.LaunchGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API of {@code serve} over a real port, on PostgreSQL in an environment with four eyes: 401 without
 * credentials, 403 with the wrong role, 400 with the reason for bad input, 404 for unknown ids, 409 for safety
 * refusals (the same rules as the CLI), and the authenticated user recorded as approver and executor.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = OpsbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.SMALL_CHUNKS,
				// absolute: in a web application a relative path would be read as a servlet context resource
				"opsbatch.fixes.directory=${user.dir}/../config/fixes", "opsbatch.runs-directory=${user.dir}/target/it-runs",
				"opsbatch.orphans.directory=${user.dir}/../config/orphan-rules",
				"opsbatch.reconcile.directory=${user.dir}/../config/reconciliations", "spring.profiles.active=postgres",
				"DB_NAME=${opsbatch.test.db:opsbatch_test}", "DB_USER=opsbatch_test", "OPSBATCH_DEMO=true",
				"opsbatch.environment=it-postgres", "spring.main.web-application-type=servlet",
				"opsbatch.scheduler.enabled=true", "spring.quartz.properties[org.quartz.jobStore.clusterCheckinInterval]=1000",
				RestApiIT.CAROL, RestApiIT.CAROL_PW, "opsbatch.server.users[0].roles=viewer",
				"opsbatch.server.users[1].name=alice", "opsbatch.server.users[1].password=" + RestApiIT.ALICE_HASH,
				"opsbatch.server.users[1].roles=operator",
				"opsbatch.server.users[2].name=bob", "opsbatch.server.users[2].password=" + RestApiIT.BOB_HASH,
				"opsbatch.server.users[2].roles=approver",
				"opsbatch.server.users[3].name=dave", "opsbatch.server.users[3].password=" + RestApiIT.DAVE_HASH,
				"opsbatch.server.users[3].roles=executor",
				"opsbatch.server.users[4].name=erin", "opsbatch.server.users[4].password=" + RestApiIT.ALICE_HASH,
				"opsbatch.server.users[4].roles=operator,approver",
				"opsbatch.server.users[5].name=frank", "opsbatch.server.users[5].password=" + RestApiIT.ALICE_HASH,
				"opsbatch.server.users[5].roles=executor" })
class RestApiIT extends CliTestSupport {

	static final String CAROL = "opsbatch.server.users[0].name=carol";

	static final String CAROL_PW = "opsbatch.server.users[0].password={bcrypt}$2a$10$zR07RrEQsz7tqyLljYtS2ez8dLWDcNJbpm4oJDAdG4wrI/pieDxTG";

	/** alice-demo (also erin's and frank's password). */
	static final String ALICE_HASH = "{bcrypt}$2a$10$RIGeu7CMWZHtW53MRk86ve5CaVn1JJuTGOfjqyg.E4r0SKOdl/PM2";

	static final String BOB_HASH = "{bcrypt}$2a$10$MVNKbCrQh27OGHna9m33Duya/o9mLJsmvBWugGjz3UODnX498NnYW";

	static final String DAVE_HASH = "{bcrypt}$2a$10$Rh/ZUvu3HEYN/r.SFug.r.1umINecm0f/rZAGu59OAKnJGVCVqdI2";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	record Response(int status, JsonNode body, String text) {
	}

	Response call(String method, String path, String user, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(120))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			String password = (user.equals("erin") || user.equals("frank")) ? "alice-demo" : user + "-demo";
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
		return new Response(response.statusCode(), json, response.body());
	}

	@Test
	void reading_needs_authentication_and_any_role() throws Exception {
		for (String path : new String[] { "/api/runs", "/api/plans", "/api/schedules", "/api/operations",
				"/actuator/metrics" }) {
			assertThat(call("GET", path, null, null).status()).as(path).isEqualTo(401);
			assertThat(call("GET", path, "carol", null).status()).as(path).isEqualTo(200);
		}
		long run = opsbatch("orphans", "scan", "--rule", "orders-without-customer", "--as", "alice").run();
		String plan = opsbatch("fix", "reset-stuck-orders", "--as", "erin").plan();
		for (String path : new String[] { "/api/runs/" + run, "/api/runs/" + run + "/audit", "/api/plans?limit=5",
				"/api/plans/" + plan, "/api/schedules/nightly-orphan-scan" }) {
			assertThat(call("GET", path, null, null).status()).as(path).isEqualTo(401);
			assertThat(call("GET", path, "carol", null).status()).as(path).isEqualTo(200);
		}
		Response wrongPassword = call("GET", "/api/runs", null, null);
		assertThat(wrongPassword.body().get("detail").asString()).contains("HTTP Basic");
		assertThat(call("GET", "/actuator/health", null, null).status()).isEqualTo(200);
		assertThat(call("GET", "/actuator/health", "carol", null).body().at("/components/targetStores/components/app/status")
			.asString()).isEqualTo("UP");
	}

	@Test
	void launch_validates_parameters_and_records_the_authenticated_user() throws Exception {
		String path = "/api/operations/orphans.scan/launch";
		assertThat(call("POST", path, null, "{}").status()).isEqualTo(401);
		assertThat(call("POST", path, "carol", "{}").status()).isEqualTo(403);
		assertThat(call("POST", path, "bob", "{}").status()).isEqualTo(403);

		Response unknown = call("POST", path, "alice", "{\"parameters\": {\"bogus\": \"1\"}}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().get("detail").asString()).contains("unknown parameter 'bogus'");
		Response badRule = call("POST", path, "alice", "{\"parameters\": {\"rules\": \"no-such-rule\"}}");
		assertThat(badRule.status()).isEqualTo(400);
		assertThat(badRule.body().get("detail").asString()).contains("no-such-rule");
		assertThat(call("POST", path, "alice", "{not json").status()).isEqualTo(400);
		assertThat(call("POST", "/api/operations/no.such/launch", "alice", "{}").status()).isEqualTo(400);

		Response run = call("POST", path, "alice", "{\"parameters\": {\"rules\": \"orders-without-customer\"}}");
		assertThat(run.status()).isEqualTo(200);
		assertThat(run.body().get("executor").asString()).isEqualTo("alice");
		long id = run.body().get("id").asLong();

		Response shown = call("GET", "/api/runs/" + id, "carol", null);
		assertThat(shown.body().get("status").asString()).isEqualTo("COMPLETED");
		assertThat(shown.body().get("steps").size()).isPositive();
		assertThat(shown.body().get("durationMillis").isNumber()).isTrue();
		assertThat(call("GET", "/api/runs?limit=5", "carol", null).body().get(0).get("id").asLong()).isEqualTo(id);
		assertThat(call("GET", "/api/runs?limit=0", "carol", null).status()).isEqualTo(400);
		assertThat(call("GET", "/api/runs/99999999", "carol", null).status()).isEqualTo(404);
		assertThat(call("GET", "/api/runs/abc", "carol", null).status()).isEqualTo(400);

		assertThat(call("POST", "/api/runs/" + id + "/restart", "carol", null).status()).isEqualTo(403);
		assertThat(call("POST", "/api/runs/" + id + "/restart", "alice", null).status()).isEqualTo(409);
		assertThat(call("POST", "/api/runs/" + id + "/stop", "alice", null).status()).isEqualTo(409);
		assertThat(call("POST", "/api/runs/" + id + "/recover", "alice", null).status()).isEqualTo(409);
		assertThat(call("POST", "/api/runs/" + id + "/stop", null, null).status()).isEqualTo(401);
	}

	@Test
	void approval_and_execute_follow_the_same_rules_as_the_cli() throws Exception {
		String plan = opsbatch("fix", "reset-stuck-orders", "--as", "erin").plan();

		Response listed = call("GET", "/api/plans/" + plan + "?items=3", "carol", null);
		assertThat(listed.body().at("/plan/status").asString()).isEqualTo("PENDING");
		assertThat(listed.body().get("items").size()).isBetween(1, 3);
		assertThat(call("GET", "/api/plans/no-such-plan", "carol", null).status()).isEqualTo(404);

		assertThat(call("POST", "/api/plans/" + plan + "/approve", null, "{}").status()).isEqualTo(401);
		assertThat(call("POST", "/api/plans/" + plan + "/approve", "alice", "{}").status()).isEqualTo(403);
		Response self = call("POST", "/api/plans/" + plan + "/approve", "erin", "{\"comment\": \"mine\"}");
		assertThat(self.status()).isEqualTo(409);
		assertThat(self.body().get("detail").asString()).contains("cannot approve it");

		Response unapproved = call("POST", "/api/plans/" + plan + "/execute", "dave", null);
		assertThat(unapproved.status()).isEqualTo(409);
		assertThat(unapproved.body().get("detail").asString()).contains("is not approved");
		assertThat(status(plan)).isEqualTo("PENDING");

		Response approved = call("POST", "/api/plans/" + plan + "/approve", "bob", "{\"comment\": \"checked\"}");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.body().get("decidedBy").asString()).isEqualTo("bob");

		assertThat(call("POST", "/api/plans/" + plan + "/execute", "bob", null).status()).isEqualTo(403);
		assertThat(call("POST", "/api/plans/" + plan + "/execute", "alice", null).status()).isEqualTo(403);
		Response executed = call("POST", "/api/plans/" + plan + "/execute", "dave", null);
		assertThat(executed.status()).isEqualTo(200);
		assertThat(executed.body().get("executor").asString()).isEqualTo("dave");
		long run = executed.body().get("id").asLong();
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE run_id = ? AND executor = 'dave'", run)).isPositive();
		assertThat(status(plan)).isEqualTo("EXECUTED");

		Response audit = call("GET", "/api/runs/" + run + "/audit?limit=2", "carol", null);
		assertThat(audit.body().get("records").get(0).get("executor").asString()).isEqualTo("dave");
		assertThat(call("POST", "/api/plans/" + plan + "/execute", "dave", null).status()).isEqualTo(409);
		assertThat(call("POST", "/api/runs/" + run + "/restart", "alice", null).status()).as("execute run: executor")
			.isEqualTo(403);

		String other = opsbatch("fix", "reset-stuck-orders", "--as", "erin").plan();
		assertThat(call("POST", "/api/plans/" + other + "/reject", "carol", "{}").status()).isEqualTo(403);
		assertThat(call("POST", "/api/plans/" + other + "/reject", "bob", "{\"comment\": \"no\"}").status())
			.isEqualTo(200);
		assertThat(call("POST", "/api/plans/" + other + "/execute", "dave", null).status()).isEqualTo(409);
	}

	@Test
	void a_schedule_triggered_now_runs_once_through_the_scheduler() throws Exception {
		assertThat(call("GET", "/api/schedules", "carol", null).body().findValuesAsString("name"))
			.contains("nightly-orphan-scan", "nightly-balances");
		assertThat(call("POST", "/api/schedules/nightly-orphan-scan/trigger", "carol", null).status()).isEqualTo(403);
		assertThat(call("POST", "/api/schedules/no-such/trigger", "alice", null).status()).isEqualTo(404);
		long before = count("SELECT COUNT(*) FROM ops_schedule_fire WHERE schedule_name = 'nightly-orphan-scan'");

		assertThat(call("POST", "/api/schedules/nightly-orphan-scan/trigger", "alice", null).status()).isEqualTo(202);

		ClusteredSchedulerIT.awaitTrue(Duration.ofSeconds(90), () -> count("SELECT COUNT(*) FROM ops_schedule_fire "
				+ "WHERE schedule_name = 'nightly-orphan-scan' AND outcome <> 'LAUNCHING'") > before);
		Response schedule = call("GET", "/api/schedules/nightly-orphan-scan", "carol", null);
		assertThat(schedule.body().at("/lastFire/kind").asString()).isEqualTo("manual");
		assertThat(schedule.body().at("/lastFire/outcome").asString()).isEqualTo("COMPLETED");
		assertThat(schedule.body().get("lastRunStatus").asString()).isEqualTo("COMPLETED");
		long run = schedule.body().at("/lastFire/runId").asLong();
		assertThat(call("GET", "/api/runs/" + run, "carol", null).body().get("executor").asString())
			.isEqualTo("scheduler:nightly-orphan-scan");
	}

	/**
	 * A run left STARTED (its process died, or it still runs): stop stops it; recover marks it FAILED, and restart
	 * continues its job instance to COMPLETED, recorded as the user who restarted it.
	 */
	@Test
	void a_run_left_started_is_stopped_or_recovered_and_restarted_by_another_user() throws Exception {
		long toStop = scanAsAliceLeftStarted();
		Response stopped = call("POST", "/api/runs/" + toStop + "/stop", "alice", null);
		assertThat(stopped.status()).as(stopped.text()).isEqualTo(200);
		assertThat(stopped.body().get("status").asString()).as("no step was running").isEqualTo("STOPPED");
		assertThat(batchStatus(toStop)).isEqualTo("STOPPED");

		long id = scanAsAliceLeftStarted();
		Response restartRunning = call("POST", "/api/runs/" + id + "/restart", "alice", null);
		assertThat(restartRunning.status()).isEqualTo(409);
		assertThat(restartRunning.body().get("detail").asString()).contains("/api/runs/" + id + "/recover");

		Response tooEarly = call("POST", "/api/runs/" + id + "/recover", "alice", null);
		assertThat(tooEarly.status()).as("it wrote to the job repository seconds ago").isEqualTo(409);
		assertThat(tooEarly.body().get("detail").asString()).contains("may still be running");
		assertThat(batchStatus(id)).isEqualTo("STARTED");

		Response recovered = call("POST", "/api/runs/" + id + "/recover?force=true", "alice", null);
		assertThat(recovered.status()).as(recovered.text()).isEqualTo(200);
		assertThat(recovered.body().get("status").asString()).isEqualTo("FAILED");
		assertThat(batchStatus(id)).isEqualTo("FAILED");

		Response restarted = call("POST", "/api/runs/" + id + "/restart", "erin", null);
		assertThat(restarted.status()).as(restarted.text()).isEqualTo(200);
		long again = restarted.body().get("id").asLong();
		assertThat(again).isNotEqualTo(id);
		assertThat(restarted.body().get("status").asString()).isEqualTo("COMPLETED");
		assertThat(restarted.body().get("executor").asString()).as("who restarted it").isEqualTo("erin");
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN (?, ?) AND "
				+ "JOB_INSTANCE_ID = (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)", id,
				again, id)).as("the same job instance").isEqualTo(2);
		assertThat(call("GET", "/api/runs/" + id, "carol", null).body().get("executor").asString())
			.as("the first run stays alice's").isEqualTo("alice");
	}

	/** A completed scan by alice, put back to STARTED in the job repository as a run whose process died. */
	private long scanAsAliceLeftStarted() throws Exception {
		Response launched = call("POST", "/api/operations/orphans.scan/launch", "alice",
				"{\"parameters\": {\"rules\": \"orders-without-customer\"}}");
		assertThat(launched.status()).as(launched.text()).isEqualTo(200);
		long id = launched.body().get("id").asLong();
		assertThat(jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', "
				+ "END_TIME = NULL WHERE JOB_EXECUTION_ID = ?", id)).isOne();
		return id;
	}

	/** A failed execute restarted by another executor: the continued part is audited as theirs. */
	@Test
	void a_failed_execute_restarted_by_another_user_is_audited_as_theirs() throws Exception {
		String plan = opsbatch("fix", "reset-stuck-orders", "--as", "erin").plan();
		assertThat(call("POST", "/api/plans/" + plan + "/approve", "bob", "{}").status()).isEqualTo(200);
		// order 231 is item 7, in the second chunk of 5: the database refuses its update once
		jdbc.execute("ALTER TABLE orders ADD CONSTRAINT refuse_231 CHECK (id <> 231 OR status <> 'PENDING')");
		Response failed;
		try {
			failed = call("POST", "/api/plans/" + plan + "/execute", "dave", null);
		}
		finally {
			jdbc.execute("ALTER TABLE orders DROP CONSTRAINT refuse_231");
		}
		assertThat(failed.body().get("status").asString()).as(failed.text()).isEqualTo("FAILED");
		long first = failed.body().get("id").asLong();

		Response restarted = call("POST", "/api/runs/" + first + "/restart", "frank", null);

		assertThat(restarted.status()).as(restarted.text()).isEqualTo(200);
		assertThat(restarted.body().get("status").asString()).isEqualTo("COMPLETED");
		assertThat(restarted.body().get("executor").asString()).isEqualTo("frank");
		long continued = restarted.body().get("id").asLong();
		assertThat(jdbc.queryForObject("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE "
				+ "JOB_EXECUTION_ID = ? AND PARAMETER_NAME = 'executor'", String.class, continued)).isEqualTo("frank");
		assertThat(jdbc.queryForList("SELECT DISTINCT executor FROM ops_audit WHERE run_id = ?", String.class, first))
			.containsExactly("dave");
		assertThat(jdbc.queryForList("SELECT DISTINCT executor FROM ops_audit WHERE run_id = ?", String.class,
				continued)).containsExactly("frank");
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND mode = 'execute' AND outcome = "
				+ "'applied'", plan)).isEqualTo(12);
		Response audit = call("GET", "/api/runs/" + continued + "/audit?limit=50", "carol", null);
		assertThat(audit.body().get("records").findValuesAsString("executor")).isNotEmpty().containsOnly("frank");
		assertThat(status(plan)).isEqualTo("EXECUTED");
	}

	/** A launch with the same operation and parameters as a running one: 409 naming it, nothing started. */
	@Test
	void a_launch_while_the_same_launch_runs_is_refused_with_409() throws Exception {
		long running = opsbatch("orphans", "scan", "--rule", "orders-without-customer", "--as", "alice").run();
		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
				running);
		Map<String, String> parameters = Map.of("rules", "orders-without-customer");
		jdbc.update("DELETE FROM ops_launch_lock");
		jdbc.update("INSERT INTO ops_launch_lock (lock_key, operation, parameters, run_id, holder, token, acquired_at) "
				+ "VALUES (?, 'orphans.scan', ?, ?, 'alice (1@elsewhere)', 'other', ?)",
				LaunchGuard.key("orphans.scan", parameters), LaunchGuard.canonical(parameters), running,
				java.sql.Timestamp.from(java.time.Instant.now()));
		long runs = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
		try {
			Response refused = call("POST", "/api/operations/orphans.scan/launch", "erin",
					"{\"parameters\": {\"rules\": \"orders-without-customer\"}}");

			assertThat(refused.status()).as(refused.text()).isEqualTo(409);
			assertThat(refused.body().get("detail").asString()).contains("already running as run " + running);
			assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(runs);
			assertThat(call("POST", "/api/operations/orphans.scan/launch", "erin", "{}").status())
				.as("other parameters").isEqualTo(200);
		}
		finally {
			jdbc.update("DELETE FROM ops_launch_lock");
			jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'COMPLETED', END_TIME = now() WHERE "
					+ "JOB_EXECUTION_ID = ?", running);
		}
	}

	String batchStatus(long run) {
		return jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
				run);
	}

	/**
	 * A browser: log in through the form with the token the login page carries, then change something with the
	 * session cookie. Without the {@code X-XSRF-TOKEN} header (what a forged cross-site form sends) or with a wrong
	 * one, the request is refused and nothing changes; with the {@code XSRF-TOKEN} cookie's value it goes through,
	 * recorded as the logged-in user.
	 */
	@Test
	void a_browser_session_must_send_the_csrf_token_back() throws Exception {
		String plan = opsbatch("fix", "reset-stuck-orders", "--as", "erin").plan();
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		URI base = URI.create("http://localhost:" + port);

		HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher hidden = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(hidden.find()).as("login form carries a CSRF token").isTrue();
		HttpResponse<String> forgedLogin = browser.send(form(base.resolve("/login"),
				"username=bob&password=bob-demo&_csrf=forged"), HttpResponse.BodyHandlers.ofString());
		assertThat(forgedLogin.statusCode()).isEqualTo(403);
		HttpResponse<String> login = browser.send(form(base.resolve("/login"),
				"username=bob&password=bob-demo&_csrf=" + URLEncoder.encode(hidden.group(1), StandardCharsets.UTF_8)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		HttpResponse<String> read = browser.send(HttpRequest.newBuilder(base.resolve("/api/plans/" + plan)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).as("the session authenticates reads").isEqualTo(200);
		String token = cookies.getCookieStore().getCookies().stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN") && !cookie.getValue().isEmpty())
			.reduce((first, second) -> second).orElseThrow().getValue();

		URI reject = base.resolve("/api/plans/" + plan + "/reject");
		HttpResponse<String> noHeader = browser.send(json(reject).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(noHeader.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(noHeader.body()).get("detail").asString()).contains("CSRF token");
		HttpResponse<String> wrongHeader = browser.send(json(reject).header("X-XSRF-TOKEN", "not-" + token).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(wrongHeader.statusCode()).isEqualTo(403);
		assertThat(status(plan)).isEqualTo("PENDING");

		HttpResponse<String> rejected = browser.send(json(reject).header("X-XSRF-TOKEN", token).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(rejected.body()).get("decidedBy").asString()).isEqualTo("bob");
		assertThat(status(plan)).isEqualTo("REJECTED");
	}

	private static HttpRequest form(URI uri, String body) {
		return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private static HttpRequest.Builder json(URI uri) {
		return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"comment\": \"from the browser\"}"));
	}

	String status(String plan) {
		return jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, plan);
	}

}
