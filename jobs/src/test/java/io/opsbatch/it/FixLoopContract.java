package io.opsbatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.opsbatch.jobs.demo.DemoData;
import io.opsbatch.platform.plan.CanonicalJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry-run -> approve -> execute -> audit -> rollback loop of a data fix, through the CLI, against a real
 * database. Subclasses bind it to H2 and PostgreSQL. The demo has 12 orders stuck in PROCESSING for weeks
 * (ids 33, 66, ... 396) and 5 recently PROCESSING that the fix must leave alone; chunks hold 5 items.
 */
abstract class FixLoopContract extends CliTestSupport {

	static final List<Long> STUCK = List.of(33L, 66L, 99L, 132L, 165L, 198L, 231L, 264L, 297L, 330L, 363L, 396L);

	@Test
	void dry_run_writes_a_plan_and_changes_nothing_in_the_target() throws IOException {
		List<Map<String, Object>> before = snapshot("orders", "id");

		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");

		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(snapshot("orders", "id")).isEqualTo(before);
		assertThat(dryRun.out()).startsWith("environment: ");
		assertThat(dryRun.field("affected")).isEqualTo(String.valueOf(DemoData.STUCK_ORDERS));
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, dryRun.plan()))
			.isEqualTo("PENDING");
		assertThat(jdbc.queryForList("SELECT key_json FROM ops_plan_item WHERE plan_id = ? ORDER BY seq", String.class,
				dryRun.plan()))
			.containsExactlyElementsOf(STUCK.stream().map((id) -> "{\"id\":" + id + "}").toList());
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE run_id = ? AND mode = 'dry-run' AND outcome = 'planned'",
				dryRun.run()))
			.isEqualTo(12);
		Map<String, Object> results = readResults(dryRun);
		assertThat(((Map<?, ?>) results.get("run")).get("mode")).isEqualTo("dry-run");
		assertThat((List<?>) results.get("records")).hasSize(12);
	}

	@Test
	void execute_applies_exactly_the_approved_plan_and_audits_each_change() throws IOException {
		List<Map<String, Object>> before = snapshot("orders", "id");
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		assertThat(opsbatch("approve", dryRun.plan(), "--as", "bob").exitCode()).isZero();

		CliResult execute = opsbatch("fix", "reset-stuck-orders", "--execute", "--plan", dryRun.plan(), "--as", "carol");

		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(execute.field("applied")).isEqualTo("12");
		List<Map<String, Object>> after = snapshot("orders", "id");
		for (int i = 0; i < before.size(); i++) {
			long id = ((Number) before.get(i).get("id")).longValue();
			if (STUCK.contains(id)) {
				assertThat(after.get(i).get("status")).isEqualTo("PENDING");
			}
			else {
				assertThat(after.get(i)).as("order %d is not in the plan", id).isEqualTo(before.get(i));
			}
		}
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE run_id = ? AND mode = 'execute' AND outcome = 'applied'"
				+ " AND executor = 'carol' AND action = 'fix.reset-stuck-orders'", execute.run()))
			.isEqualTo(12);
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, dryRun.plan()))
			.isEqualTo("EXECUTED");
		Map<String, Object> results = readResults(execute);
		assertThat(((Map<?, ?>) ((Map<?, ?>) results.get("run")).get("counts")).get("applied")).isEqualTo(12L);
	}

	@Test
	void a_row_changed_after_the_dry_run_is_a_conflict_and_stays_untouched() {
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		jdbc.update("UPDATE orders SET status = 'SHIPPED' WHERE id = 99");

		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isEqualTo(4);
		assertThat(status(99)).isEqualTo("SHIPPED");
		assertThat(execute.field("applied")).isEqualTo("11");
		assertThat(execute.field("conflicts")).isEqualTo("1");
		assertThat(execute.out()).contains("review them, then plan a new fix if needed");
		assertThat(jdbc.queryForObject(
				"SELECT key_json FROM ops_audit WHERE run_id = ? AND outcome = 'conflict'", String.class, execute.run()))
			.isEqualTo("{\"id\":99}");
	}

	@Test
	void a_row_that_matches_only_after_the_dry_run_is_not_touched() {
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		jdbc.update("UPDATE orders SET status = 'PROCESSING', updated_at = TIMESTAMP '2020-01-01 00:00:00' WHERE id = 1");
		opsbatch("approve", dryRun.plan(), "--as", "bob");

		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(status(1)).isEqualTo("PROCESSING");
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE run_id = ?", execute.run())).isEqualTo(12);
	}

	@Test
	void rollback_of_an_executed_run_restores_every_row() {
		List<Map<String, Object>> original = snapshot("orders", "id");
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");
		List<Map<String, Object>> executed = snapshot("orders", "id");

		CliResult rollback = opsbatch("rollback", String.valueOf(execute.run()), "--as", "alice");
		assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
		assertThat(rollback.field("affected")).isEqualTo("12");
		assertThat(snapshot("orders", "id")).as("the rollback dry-run changes nothing").isEqualTo(executed)
			.isNotEqualTo(original);
		opsbatch("approve", rollback.plan(), "--as", "bob");
		CliResult undo = opsbatch("rollback", "--execute", "--plan", rollback.plan(), "--as", "bob");

		assertThat(undo.exitCode()).as(undo.toString()).isZero();
		assertThat(undo.field("applied")).isEqualTo("12");
		assertThat(snapshot("orders", "id")).isEqualTo(original);
		assertThat(jdbc.queryForObject("SELECT action FROM ops_plan WHERE id = ?", String.class, rollback.plan()))
			.isEqualTo("rollback.fix.reset-stuck-orders");
	}

	@Test
	void rollback_from_a_results_file_restores_every_row() {
		List<Map<String, Object>> original = snapshot("orders", "id");
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");

		CliResult rollback = opsbatch("rollback", "--results", execute.field("results"), "--as", "alice");
		assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
		opsbatch("approve", rollback.plan(), "--as", "bob");
		CliResult undo = opsbatch("execute", rollback.plan(), "--as", "bob");

		assertThat(undo.exitCode()).as(undo.toString()).isZero();
		assertThat(snapshot("orders", "id")).isEqualTo(original);
	}

	@Test
	void of_two_concurrent_executes_of_one_plan_exactly_one_applies_it() throws Exception {
		for (int round = 0; round < 4; round++) {
			resetDemoData();
			CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
			opsbatch("approve", dryRun.plan(), "--as", "bob");
			Callable<CliResult> execute = () -> opsbatch("execute", dryRun.plan(), "--as", "bob");

			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<CliResult>> runs = pool.invokeAll(List.of(execute, execute));
			pool.shutdown();

			List<Integer> codes = new ArrayList<>();
			for (Future<CliResult> run : runs) {
				codes.add(run.get().exitCode());
			}
			assertThat(codes).as(runs.get(0).get() + "\n" + runs.get(1).get()).containsExactlyInAnyOrder(0, 3);
			assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND mode = 'execute'", dryRun.plan()))
				.isEqualTo(12);
			assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND outcome = 'applied'", dryRun.plan()))
				.isEqualTo(12);
		}
	}

	@Test
	void a_failed_execute_restarts_from_its_last_chunk_and_applies_every_item_exactly_once() {
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		// order 231 is item 7, in the second chunk of 5: the database refuses its update once
		jdbc.execute("ALTER TABLE orders ADD CONSTRAINT refuse_231 CHECK (id <> 231 OR status <> 'PENDING')");

		CliResult failed = opsbatch("execute", dryRun.plan(), "--as", "bob");

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.err()).contains("opsbatch runs restart " + failed.run());
		assertThat(count("SELECT COUNT(*) FROM orders WHERE status = 'PENDING' AND id IN (33, 66, 99, 132, 165)"))
			.as("the first chunk committed").isEqualTo(5);
		assertThat(status(198)).as("the failed chunk rolled back").isEqualTo("PROCESSING");
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND mode = 'execute'", dryRun.plan()))
			.isEqualTo(5);

		jdbc.execute("ALTER TABLE orders DROP CONSTRAINT refuse_231");
		CliResult restarted = opsbatch("runs", "restart", String.valueOf(failed.run()), "--as", "carol");

		assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
		assertThat(restarted.field("applied")).isEqualTo("7");
		assertThat(jdbc.queryForList("SELECT DISTINCT executor FROM ops_audit WHERE run_id = ?", String.class,
				restarted.run())).as("the continued part is audited as who restarted it").containsExactly("carol");
		assertThat(jdbc.queryForList("SELECT DISTINCT executor FROM ops_audit WHERE run_id = ?", String.class,
				failed.run())).containsExactly("bob");
		for (long id : STUCK) {
			assertThat(status(id)).isEqualTo("PENDING");
		}
		assertThat(jdbc.queryForList("SELECT item_seq FROM ops_audit WHERE plan_id = ? AND mode = 'execute' "
				+ "AND outcome = 'applied' ORDER BY item_seq", Long.class, dryRun.plan()))
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, dryRun.plan()))
			.isEqualTo("EXECUTED");
		Map<String, Object> results = readResults(restarted);
		Map<?, ?> summary = (Map<?, ?>) results.get("run");
		assertThat((List<Object>) summary.get("runs")).as("the restarted run's file covers the run it continues")
			.containsExactly((Object) failed.run(), (Object) restarted.run());
		assertThat(((Map<?, ?>) summary.get("counts")).get("applied")).isEqualTo(12L);
		assertThat((List<?>) results.get("records")).hasSize(12);
		CliResult fromFile = opsbatch("rollback", "--results", restarted.field("results"), "--as", "alice");
		CliResult fromAudit = opsbatch("rollback", String.valueOf(restarted.run()), "--as", "alice");
		assertThat(fromFile.field("affected")).isEqualTo(fromAudit.field("affected")).isEqualTo("12");
	}

	@Test
	void a_failed_dry_run_restarts_from_its_last_chunk_and_seals_a_complete_plan() {
		// item 7 is in the second chunk of 5: the platform database refuses to store it once (the constraint is not
		// checked against the items of earlier plans)
		boolean postgres = Boolean.TRUE.equals(jdbc.execute(
				(java.sql.Connection c) -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
		jdbc.execute("ALTER TABLE ops_plan_item ADD CONSTRAINT refuse_item_7 CHECK (seq <> 7) "
				+ (postgres ? "NOT VALID" : "NOCHECK"));
		CliResult failed;
		try {
			failed = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		}
		finally {
			jdbc.execute("ALTER TABLE ops_plan_item DROP CONSTRAINT refuse_item_7");
		}
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, failed.plan()))
			.isEqualTo("DRAFT");
		assertThat(opsbatch("approve", failed.plan(), "--as", "bob").exitCode()).as("a draft cannot be approved")
			.isEqualTo(3);

		CliResult restarted = opsbatch("runs", "restart", String.valueOf(failed.run()), "--as", "alice");

		assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
		assertThat(restarted.plan()).isEqualTo(failed.plan());
		assertThat(jdbc.queryForList("SELECT seq FROM ops_plan_item WHERE plan_id = ? ORDER BY seq", Long.class,
				failed.plan()))
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND outcome = 'planned'", failed.plan()))
			.isEqualTo(12);
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, failed.plan()))
			.isEqualTo("PENDING");
		opsbatch("approve", failed.plan(), "--as", "bob");
		CliResult execute = opsbatch("execute", failed.plan(), "--as", "bob");
		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(execute.field("applied")).isEqualTo("12");
	}

	@Test
	void execute_is_refused_for_a_plan_that_is_not_approved_rejected_or_already_executed() {
		List<Map<String, Object>> before = snapshot("orders", "id");
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");

		CliResult unapproved = opsbatch("execute", dryRun.plan(), "--as", "bob");
		assertThat(unapproved.exitCode()).isEqualTo(3);
		assertThat(unapproved.err()).contains("is not approved");

		CliResult noPlan = opsbatch("fix", "reset-stuck-orders", "--execute", "--as", "bob");
		assertThat(noPlan.exitCode()).isEqualTo(3);
		assertThat(noPlan.err()).contains("--plan");

		opsbatch("reject", dryRun.plan(), "--as", "bob", "--comment", "wrong ticket");
		CliResult rejected = opsbatch("execute", dryRun.plan(), "--as", "bob");
		assertThat(rejected.exitCode()).isEqualTo(3);
		assertThat(rejected.err()).contains("rejected");
		assertThat(opsbatch("approve", dryRun.plan(), "--as", "bob").exitCode()).isEqualTo(3);
		assertThat(snapshot("orders", "id")).isEqualTo(before);

		CliResult second = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		opsbatch("approve", second.plan(), "--as", "bob");
		assertThat(opsbatch("execute", second.plan(), "--as", "bob").exitCode()).isZero();
		CliResult again = opsbatch("execute", second.plan(), "--as", "bob");
		assertThat(again.exitCode()).isEqualTo(3);
		assertThat(again.err()).contains("already executed");
	}

	@Test
	void execute_refuses_a_plan_whose_items_were_altered_after_approval() {
		List<Map<String, Object>> before = snapshot("orders", "id");
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		jdbc.update("UPDATE ops_plan_item SET after_json = ? WHERE plan_id = ? AND seq = 3",
				"{\"status\":\"CANCELLED\",\"updated_at\":\"2026-01-01T00:00:00\"}", dryRun.plan());

		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isEqualTo(3);
		assertThat(execute.err()).contains("do not match the approved digest");
		assertThat(snapshot("orders", "id")).isEqualTo(before);
	}

	@Test
	void a_fix_of_another_id_cannot_execute_the_plan() {
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		opsbatch("approve", dryRun.plan(), "--as", "bob");

		CliResult execute = opsbatch("fix", "purge-orphan-order-items", "--execute", "--plan", dryRun.plan());

		assertThat(execute.exitCode()).isEqualTo(2);
		assertThat(execute.err()).contains("was made by fix.reset-stuck-orders");
	}

	@Test
	void a_delete_fix_keeps_the_whole_row_so_its_rollback_restores_it() {
		List<Map<String, Object>> original = snapshot("order_items", "id");
		CliResult dryRun = opsbatch("fix", "purge-orphan-order-items", "--as", "alice");
		assertThat(dryRun.field("affected")).isEqualTo("3");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");
		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(count("SELECT COUNT(*) FROM order_items WHERE order_id > 9000")).isZero();

		CliResult rollback = opsbatch("rollback", String.valueOf(execute.run()), "--as", "alice");
		opsbatch("approve", rollback.plan(), "--as", "bob");
		CliResult undo = opsbatch("execute", rollback.plan(), "--as", "bob");

		assertThat(undo.exitCode()).as(undo.toString()).isZero();
		assertThat(snapshot("order_items", "id")).isEqualTo(original);
	}

	@Test
	void runs_plans_and_audit_show_what_happened() {
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");

		CliResult runs = opsbatch("runs", "--json");
		CliResult show = opsbatch("runs", "show", String.valueOf(dryRun.run()));
		CliResult plan = opsbatch("plans", "show", dryRun.plan(), "--json");
		CliResult audit = opsbatch("audit", "--run", String.valueOf(dryRun.run()));

		assertThat(runs.exitCode()).isZero();
		assertThat(runs.out()).contains("\"id\" : " + dryRun.run());
		CliResult leading = opsbatch("--json", "--as", "carol", "runs");
		assertThat(leading.exitCode()).as("options before the command name").isZero();
		assertThat(CanonicalJson.readMap(leading.out())).containsKey("runs");
		assertThat(show.out()).contains("fixPlan").contains("COMPLETED");
		assertThat(show.field("status")).isEqualTo("COMPLETED");
		Map<String, Object> planJson = CanonicalJson.readMap(plan.out());
		assertThat(((Map<?, ?>) planJson.get("plan")).get("status")).isEqualTo("PENDING");
		assertThat((List<?>) planJson.get("items")).hasSize(12);
		assertThat(audit.out()).contains("planned");
	}

	static Map<String, Object> readResults(CliResult result) {
		try {
			return CanonicalJson.readMap(Files.readString(Path.of(result.field("results"))));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
